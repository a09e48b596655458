package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A model file passed its checks and was stored as a candidate version. */
@Revision("1")
public record ModelRegisteredEvent(String modelId, ModelVersion version, String by, Instant at, String comment)
        implements ModelEvent {}
