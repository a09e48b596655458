package io.vigil.patterns.api;

import java.time.Instant;

/**
 * A pattern as the list shows it.
 *
 * @param name the draft's name while unpublished, else the live version's
 * @param mode the live version's mode; null while unpublished
 * @param liveVersion the number of the live version; null while unpublished
 * @param draftAuthor who created or last edited the draft; null without a draft
 */
public record PatternSummary(
        String patternId,
        String name,
        PatternStatus status,
        PatternMode mode,
        Integer liveVersion,
        DraftState draftState,
        String draftAuthor,
        Instant updatedAt,
        String updatedBy) {}
