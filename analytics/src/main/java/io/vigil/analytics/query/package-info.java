/**
 * Answers queries from the read models: monitors and the alert history in PostgreSQL, the latest transactions and
 * series drill-downs from ClickHouse.
 */
package io.vigil.analytics.query;
