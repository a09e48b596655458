package io.vigil.ingest.api;

import java.util.List;

/**
 * What a risk model said about one transaction: the model version, its probability of fraud times 100 and the
 * features that moved it most (at most five, largest absolute contribution first; empty for a shadow model).
 */
public record ModelScore(String modelId, int version, double score, List<FeatureContribution> contributions) {

    public ModelScore {
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
    }
}
