package io.vigil.analytics.api;

import java.time.Instant;
import java.util.Map;

/**
 * One series of a monitor around a minute, minute by minute: today, the same minutes yesterday and last week. The
 * window is {@code minutes} long and ends 10 minutes after {@code minute} (or now, if sooner). Answered with a
 * {@link SeriesHistory}.
 */
public record FindSeriesHistoryQuery(String monitorId, Map<String, String> series, Instant minute, int minutes) {}
