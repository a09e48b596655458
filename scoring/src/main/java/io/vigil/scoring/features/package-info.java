/**
 * Velocity features per entity (card, customer, device, ...) over event time: the feature store, its schema, and how it
 * is fed and rebuilt from recorded transactions; and the entities linked by shared transactions over 30 days, behind
 * {@code features.graph.*}.
 */
package io.vigil.scoring.features;
