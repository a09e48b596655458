/** Scoring's Spring configuration: its settings and the feature store bean. */
package io.vigil.scoring.config;
