package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The submitted draft was sent back to draft; the comment says why. */
@Revision("1")
public record PatternRejectedEvent(String patternId, String by, Instant at, String comment) implements PatternEvent {}
