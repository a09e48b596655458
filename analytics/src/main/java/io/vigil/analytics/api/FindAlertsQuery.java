package io.vigil.analytics.api;

import java.time.Instant;

/**
 * Alert history, newest first, a page at a time. Answered with an {@link AlertPage}.
 *
 * @param state {@code open} (firing or acknowledged), {@code firing}, {@code acknowledged}, {@code resolved}, or
 *     {@code null} for all
 * @param monitorId only this monitor's, or {@code null}
 * @param alertId only this alert's incidents, or {@code null}
 * @param text matches the monitor name or series label (case-insensitive), or {@code null}
 * @param from raised at or after, or {@code null}
 * @param to raised before, or {@code null}
 * @param page 0-based
 */
public record FindAlertsQuery(
        String state, String monitorId, String alertId, String text, Instant from, Instant to, int page, int size) {

    public FindAlertsQuery {
        page = Math.max(0, page);
        size = size <= 0 ? 50 : Math.min(size, 500);
    }

    public static FindAlertsQuery open() {
        return new FindAlertsQuery("open", null, null, null, null, null, 0, 500);
    }

    public static FindAlertsQuery incidentsOf(String alertId) {
        return new FindAlertsQuery(null, null, alertId, null, null, null, 0, 100);
    }
}
