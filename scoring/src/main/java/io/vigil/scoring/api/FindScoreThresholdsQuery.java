package io.vigil.scoring.api;

/** The score thresholds this node decides with: answered with {@link ScoreThresholds}. */
public record FindScoreThresholdsQuery() {}
