package io.vigil.patterns.api;

import java.time.Instant;

/**
 * One published version of a pattern, kept for rollback and diffs.
 *
 * @param number 1 for the first publication, then one more for each
 * @param author who last edited the draft that became this version
 * @param approvedBy who approved it
 * @param publishedBy who published it first
 */
public record PatternVersion(
        int number,
        String name,
        String description,
        String expression,
        String effect,
        String author,
        String approvedBy,
        String publishedBy,
        Instant publishedAt) {

    /** This version as scoring reads it. */
    public PatternDefinition definition(String patternId, PatternMode mode) {
        return new PatternDefinition(patternId, name, description, expression, effect, mode, number);
    }

    /** The draft this version was published from. */
    public PatternDraft draft() {
        return new PatternDraft(name, description, expression, effect);
    }
}
