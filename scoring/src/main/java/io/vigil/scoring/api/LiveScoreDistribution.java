package io.vigil.scoring.api;

import java.util.List;

/**
 * The live model's scores of the decisions this node made over the last 24 hours (since it started, or since the
 * version went live, if later), counted in the same tenths of the 0..100 score as a training's evaluation slice
 * ({@link TrainingMetrics.Evaluation#scoreBins()}).
 *
 * @param version the live version counted; null when no model is live
 * @param bins the count in {@code [0, 10)}, ..., {@code [90, 100]}
 */
public record LiveScoreDistribution(Integer version, List<Long> bins) {

    public LiveScoreDistribution {
        bins = List.copyOf(bins);
    }

    /** The decisions counted. */
    public long decisions() {
        return bins.stream().mapToLong(Long::longValue).sum();
    }
}
