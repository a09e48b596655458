package io.vigil.patterns.api;

/**
 * Compiles an expression and an effect as scoring would, changing nothing: for inline errors while a draft is
 * written. Answered by scoring with a {@link PatternCheckResult}.
 */
public record CheckPatternQuery(String expression, String effect) {}
