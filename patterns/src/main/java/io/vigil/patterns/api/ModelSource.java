package io.vigil.patterns.api;

import java.util.Locale;

/** Where a model version comes from: trained by Vigil from its event store, or trained elsewhere and imported. */
public enum ModelSource {
    TRAINED,
    IMPORTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
