package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The draft, which compiles, was submitted for approval. */
@Revision("1")
public record PatternSubmittedEvent(String patternId, String by, Instant at, String comment) implements PatternEvent {}
