package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The submitted draft was approved by {@code by}, who is not its author. */
@Revision("1")
public record PatternApprovedEvent(String patternId, String by, Instant at, String comment) implements PatternEvent {}
