package io.vigil.analytics.api;

import java.time.Instant;
import java.util.Map;

/**
 * What explains a series' change: its minute split by one more dimension, each value with its metric now and the
 * same minute yesterday, the biggest change first. Answered with a {@link Breakdown}.
 */
public record FindBreakdownQuery(String monitorId, Map<String, String> series, Instant minute, String dimension) {}
