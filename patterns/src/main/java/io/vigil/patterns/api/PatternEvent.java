package io.vigil.patterns.api;

import java.time.Instant;

/**
 * Every event of a pattern's life, so projections can sequence them by pattern id. Each says who did it (the
 * command's {@code actor}: a user's name or an API key's), when, and why.
 */
public sealed interface PatternEvent
        permits PatternDraftCreatedEvent,
                PatternDraftEditedEvent,
                PatternSubmittedEvent,
                PatternApprovedEvent,
                PatternRejectedEvent,
                PatternPublishedEvent,
                PatternModeChangedEvent,
                PatternRolledBackEvent,
                PatternArchivedEvent {

    String patternId();

    String by();

    Instant at();

    String comment();
}
