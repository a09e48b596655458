package io.vigil.patterns.api;

import java.time.Instant;
import java.util.List;

/** The analyst-defined features, as {@link FindFeaturesQuery} answers. */
public record FeatureList(List<Item> features) {

    public FeatureList {
        features = List.copyOf(features);
    }

    /** One feature: its definition, who defined it when, and whether it is archived (by whom, when, why). */
    public record Item(
            FeatureDefinition definition,
            String description,
            String definedBy,
            Instant definedAt,
            boolean archived,
            String archivedBy,
            Instant archivedAt,
            String archiveReason) {}
}
