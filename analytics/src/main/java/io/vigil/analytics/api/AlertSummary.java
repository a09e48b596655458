package io.vigil.analytics.api;

import java.time.Instant;
import java.util.Map;

/**
 * One incident of an alert, as the console and the API list them.
 *
 * @param state firing, acknowledged or resolved
 * @param silence the alert's silence now, in words ("until 2026-11-24 18:00 UTC", "until resolved", a window), or
 *     {@code null}
 * @param verdict what an operator marked the incident as, or {@code null} while unmarked
 * @param markedBy who marked it, or {@code null}
 */
public record AlertSummary(
        String alertId,
        int incident,
        String monitorId,
        String monitorName,
        Map<String, String> series,
        String seriesLabel,
        String state,
        Instant minute,
        Instant raisedAt,
        Observation observation,
        boolean silenced,
        String silenceReason,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Instant resolvedAt,
        String resolvedBy,
        Boolean resolvedAutomatically,
        String silence,
        AlertVerdict verdict,
        String markedBy) {

    public boolean open() {
        return !"resolved".equals(state);
    }
}
