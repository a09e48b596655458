package io.vigil.patterns.api;

import java.util.List;

/** A model version as scoring loads it: its document (whose attachment is the file), checksum and feature order. */
public record ModelRef(String modelId, int version, String document, String sha256, List<String> features) {

    public ModelRef {
        features = features == null ? List.of() : List.copyOf(features);
    }

    /** {@code risk v3}. */
    public String label() {
        return modelId + " v" + version;
    }
}
