package io.vigil.patterns.api;

/** One backtest run of a pattern, with its progress and results; answered with an optional {@link PatternBacktest}. */
public record FindPatternBacktestQuery(String patternId, String runId) {}
