package io.vigil.patterns.api;

import java.time.Instant;

/**
 * One step of a pattern's life.
 *
 * @param sequence the event's place in the pattern's stream, from 0
 * @param byKind {@code user} or {@code api-key} (the command's {@code actorKind}); null when not known
 * @param version the version published, rolled back to or whose mode changed; null for the other steps
 * @param mode the mode set by a publication, rollback or mode change; null for the other steps
 */
public record PatternHistoryEntry(
        long sequence,
        PatternAction action,
        String by,
        String byKind,
        Instant at,
        String comment,
        Integer version,
        PatternMode mode) {}
