package io.vigil.analytics.api;

import java.time.Instant;
import java.util.Map;

/** One series a monitor found anomalous in a minute. */
public record AnomalousSeries(String monitorId, Map<String, String> series, Instant minute, Observation observation) {}
