package io.vigil.patterns.api;

/** Reads the current pattern set from the pattern store; answered with a {@link PatternSet}. */
public record FindPatternSetQuery() {}
