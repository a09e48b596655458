package io.vigil.analytics.api;

import java.time.Instant;
import java.util.List;

/**
 * The answer to {@link FindSeriesHistoryQuery}; NaN where a minute had no attempts (rates). {@code found} is false for
 * an unknown monitor.
 */
public record SeriesHistory(
        boolean found,
        String title,
        String subtitle,
        boolean percent,
        List<Instant> minutes,
        double[] today,
        double[] yesterday,
        double[] lastWeek,
        long[] attempts) {}
