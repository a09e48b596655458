package io.vigil.patterns.api;

/**
 * What changed between two versions of a pattern, each named by its number, {@code live} or {@code draft}; answered
 * with a {@link PatternDiff}. An unknown pattern or version is an {@link IllegalArgumentException} naming it.
 */
public record FindPatternDiffQuery(String patternId, String from, String to) {}
