package io.vigil.ingest.api;

/** One pattern that contributed to a decision, with its effect as written in the pattern ({@code score+20}, {@code review}, {@code decline}). */
public record DecisionReason(String patternId, String name, String effect) {}
