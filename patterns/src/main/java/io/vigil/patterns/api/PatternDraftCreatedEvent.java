package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A pattern was created as a draft; {@code by} is its author. */
@Revision("1")
public record PatternDraftCreatedEvent(String patternId, PatternDraft draft, String by, Instant at, String comment)
        implements PatternEvent {}
