package io.vigil.analytics.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer to {@link FindAnomaliesQuery}.
 *
 * @param minute the latest minute evaluated, {@code null} before the first evaluation
 * @param seriesByMonitor how many series each monitor watched in its last evaluation
 * @param anomalies most anomalous first
 */
public record MonitorAnomalies(Instant minute, Map<String, Integer> seriesByMonitor, List<AnomalousSeries> anomalies) {}
