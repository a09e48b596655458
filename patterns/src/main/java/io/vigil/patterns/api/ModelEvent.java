package io.vigil.patterns.api;

import java.time.Instant;

/** Every event of a model's life, sequenced by model id; each says who did it, when and why. */
public sealed interface ModelEvent
        permits ModelRegisteredEvent,
                ModelApprovedEvent,
                ModelPromotedEvent,
                ModelShadowedEvent,
                ModelShadowStoppedEvent,
                ModelRolledBackEvent {

    String modelId();

    String by();

    Instant at();

    String comment();
}
