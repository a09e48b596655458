package io.vigil.ingest.api;

/**
 * Decision latency percentiles of one node, in milliseconds, from a valid request to its stored decision, over a
 * window of about the last minute; {@code decisions} is how many the window holds (0: no figures, the percentiles
 * are 0).
 */
public record DecisionLatency(long decisions, double p50Ms, double p95Ms, double p99Ms) {}
