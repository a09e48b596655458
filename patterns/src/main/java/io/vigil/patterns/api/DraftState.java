package io.vigil.patterns.api;

/** Where a pattern's draft is on its way to publication. */
public enum DraftState {
    /** No draft: the live version is all there is. */
    NONE,
    /** Being written; may be edited and submitted. */
    DRAFT,
    /** Waiting for an approver other than its author. */
    SUBMITTED,
    /** Approved, ready to publish. */
    APPROVED
}
