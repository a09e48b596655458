package io.vigil.patterns.api;

/** The backtest runs kept with a pattern, newest first; answered with {@link PatternBacktests}. */
public record FindPatternBacktestsQuery(String patternId) {}
