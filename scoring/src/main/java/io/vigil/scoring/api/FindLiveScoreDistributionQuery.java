package io.vigil.scoring.api;

/**
 * How the live model scored this node's decisions over the last day, in tenths of the 0..100 score: answered with a
 * {@link LiveScoreDistribution}.
 */
public record FindLiveScoreDistributionQuery() {}
