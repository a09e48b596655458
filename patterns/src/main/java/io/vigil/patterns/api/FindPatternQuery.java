package io.vigil.patterns.api;

/** One pattern with its draft, its published versions and its whole history; answered with an optional {@link PatternDetails}. */
public record FindPatternQuery(String patternId) {}
