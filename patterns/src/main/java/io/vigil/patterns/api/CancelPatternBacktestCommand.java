package io.vigil.patterns.api;

/** Stops a running backtest; its partial counts are kept. A finished run refuses with {@link PatternRuleException}. */
public record CancelPatternBacktestCommand(String patternId, String runId) {}
