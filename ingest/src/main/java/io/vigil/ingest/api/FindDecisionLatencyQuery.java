package io.vigil.ingest.api;

/**
 * How fast this node answered decisions over about the last minute: answered with {@link DecisionLatency}.
 */
public record FindDecisionLatencyQuery() {}
