package io.vigil.patterns.api;

/** Every analyst-defined feature, active first, then archived, each by name; answered with a {@link FeatureList}. */
public record FindFeaturesQuery() {}
