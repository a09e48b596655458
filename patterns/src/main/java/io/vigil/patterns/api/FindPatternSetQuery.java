package io.vigil.patterns.api;

/**
 * Reads the current pattern set from the pattern store; answered with a {@link PatternSet}. A subscription query on
 * it gets a {@link PatternSetUpdate} whenever the set changes in the store.
 */
public record FindPatternSetQuery() {}
