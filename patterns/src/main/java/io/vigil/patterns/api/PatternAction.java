package io.vigil.patterns.api;

/** What a step of a pattern's history did: one per {@link PatternEvent}. */
public enum PatternAction {
    CREATED,
    EDITED,
    SUBMITTED,
    APPROVED,
    REJECTED,
    PUBLISHED,
    MODE_CHANGED,
    ROLLED_BACK,
    ARCHIVED
}
