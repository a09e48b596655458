package io.vigil.patterns.api;

/** Where a pattern is in its life, as a whole. */
public enum PatternStatus {
    /** Never published: only a draft. */
    UNPUBLISHED,
    /** A version is live (in the mode it has, which may be {@code off}). */
    PUBLISHED,
    /** Out of scoring for good. */
    ARCHIVED
}
