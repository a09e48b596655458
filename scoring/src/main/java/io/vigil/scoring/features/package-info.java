/**
 * Velocity features per entity (card, customer, device, ...) over event time: the feature store, its schema, and how it
 * is fed and rebuilt from recorded transactions.
 */
package io.vigil.scoring.features;
