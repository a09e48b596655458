package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The feature was archived: scoring forgets it, and patterns can no longer read it. */
@Revision("1")
public record FeatureArchivedEvent(String name, String by, Instant at, String reason) implements FeatureEvent {}
