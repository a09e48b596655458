package io.vigil.patterns.api;

import java.util.List;

/**
 * The answer to {@link FindPatternDiffQuery}: the fields that differ between {@code from} and {@code to} (name,
 * description, expression, effect), none when they are the same.
 */
public record PatternDiff(String patternId, String from, String to, List<FieldChange> changes) {

    public PatternDiff {
        changes = List.copyOf(changes);
    }

    /**
     * One field that differs.
     *
     * @param unified the change as unified diff lines ({@code -} before, {@code +} after, a space for context)
     */
    public record FieldChange(String field, String before, String after, List<String> unified) {

        public FieldChange {
            unified = List.copyOf(unified);
        }
    }
}
