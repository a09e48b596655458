package io.vigil.patterns.api;

/**
 * How far the scoring node that answers has backfilled each analyst-defined feature, and what each costs in memory;
 * answered by scoring with a {@link FeatureStates}. Each node keeps features in its own memory and backfills them
 * itself, so each answers for itself.
 */
public record FindFeatureStatesQuery() {}
