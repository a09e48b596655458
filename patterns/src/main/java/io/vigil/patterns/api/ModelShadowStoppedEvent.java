package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The version in shadow is no longer scored; {@code live} is the live version, null if none. */
@Revision("1")
public record ModelShadowStoppedEvent(
        String modelId, int version, ModelVersion live, String by, Instant at, String comment) implements ModelEvent {}
