package io.vigil.patterns.query;

import io.vigil.patterns.api.PatternAction;
import io.vigil.patterns.api.PatternApprovedEvent;
import io.vigil.patterns.api.PatternArchivedEvent;
import io.vigil.patterns.api.PatternDraftCreatedEvent;
import io.vigil.patterns.api.PatternDraftEditedEvent;
import io.vigil.patterns.api.PatternEvent;
import io.vigil.patterns.api.PatternHistoryEntry;
import io.vigil.patterns.api.PatternModeChangedEvent;
import io.vigil.patterns.api.PatternPublishedEvent;
import io.vigil.patterns.api.PatternRejectedEvent;
import io.vigil.patterns.api.PatternRolledBackEvent;
import io.vigil.patterns.api.PatternSubmittedEvent;

/** A pattern event as one step of the pattern's history: what was done, to which version and in which mode. */
final class PatternHistory {

    private PatternHistory() {}

    static PatternHistoryEntry entry(PatternEvent event, long sequence, String byKind) {
        PatternAction action;
        Integer version = null;
        io.vigil.patterns.api.PatternMode mode = null;
        if (event instanceof PatternDraftCreatedEvent) {
            action = PatternAction.CREATED;
        } else if (event instanceof PatternDraftEditedEvent) {
            action = PatternAction.EDITED;
        } else if (event instanceof PatternSubmittedEvent) {
            action = PatternAction.SUBMITTED;
        } else if (event instanceof PatternApprovedEvent) {
            action = PatternAction.APPROVED;
        } else if (event instanceof PatternRejectedEvent) {
            action = PatternAction.REJECTED;
        } else if (event instanceof PatternPublishedEvent published) {
            action = PatternAction.PUBLISHED;
            version = published.version().number();
            mode = published.mode();
        } else if (event instanceof PatternModeChangedEvent changed) {
            action = PatternAction.MODE_CHANGED;
            version = changed.live().number();
            mode = changed.mode();
        } else if (event instanceof PatternRolledBackEvent rolledBack) {
            action = PatternAction.ROLLED_BACK;
            version = rolledBack.version().number();
            mode = rolledBack.mode();
        } else if (event instanceof PatternArchivedEvent archived) {
            action = PatternAction.ARCHIVED;
            version = archived.liveVersion();
        } else {
            throw new IllegalArgumentException(
                    "not a pattern event: " + event.getClass().getName());
        }
        return new PatternHistoryEntry(
                sequence, action, event.by(), byKind, event.at(), event.comment(), version, mode);
    }
}
