package io.vigil.patterns.api;

/**
 * A fraud pattern as an analyst wrote it.
 *
 * @param expression a CEL expression over {@code tx.*} fields and {@code features.<entity>.<name>} that yields a
 *     boolean (docs/patterns.md)
 * @param effect {@code score+N} to add N to the risk score, or {@code review} / {@code decline} to force that decision
 */
public record PatternDefinition(
        String id, String name, String description, String expression, String effect, PatternMode mode, long version) {}
