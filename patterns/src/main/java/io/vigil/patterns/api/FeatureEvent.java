package io.vigil.patterns.api;

import java.time.Instant;

/** Every event of an analyst-defined feature's life, so projections can sequence them by feature. */
public sealed interface FeatureEvent permits FeatureDefinedEvent, FeatureArchivedEvent {

    /** The feature's name. */
    String name();

    String by();

    Instant at();
}
