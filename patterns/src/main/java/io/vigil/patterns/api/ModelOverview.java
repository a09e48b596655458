package io.vigil.patterns.api;

import java.util.List;

/**
 * A model as its read model holds it: the live and shadow version numbers (null when none) and every version,
 * newest first.
 */
public record ModelOverview(String modelId, Integer live, Integer shadow, List<ModelVersionState> versions) {

    public ModelOverview {
        versions = List.copyOf(versions);
    }
}
