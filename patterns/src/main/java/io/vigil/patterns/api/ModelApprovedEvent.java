package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A candidate version was approved by {@code by}, who neither registered nor trained it. */
@Revision("1")
public record ModelApprovedEvent(String modelId, int version, String by, Instant at, String comment)
        implements ModelEvent {}
