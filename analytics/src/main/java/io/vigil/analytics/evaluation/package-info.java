/**
 * Evaluates monitors against the rollups: live each minute, turning anomalies and recoveries into alert commands, and
 * replayed over past minutes as backtests.
 */
package io.vigil.analytics.evaluation;
