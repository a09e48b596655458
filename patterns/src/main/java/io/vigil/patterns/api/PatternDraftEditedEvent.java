package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The pattern's draft was changed (or a new draft of a published pattern started); {@code by} is now its author, and a submission or approval it had is withdrawn. */
@Revision("1")
public record PatternDraftEditedEvent(String patternId, PatternDraft draft, String by, Instant at, String comment)
        implements PatternEvent {}
