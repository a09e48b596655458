package io.vigil.analytics.api;

import java.time.Instant;

/**
 * Runs a monitor (stored, or a draft {@code definition} not saved yet) over stored history: which alerts it would
 * have raised in {@code [from, to)}, at most 7 days. Answered with a {@link BacktestResult}.
 */
public record BacktestMonitorQuery(String monitorId, MonitorDefinition definition, Instant from, Instant to) {}
