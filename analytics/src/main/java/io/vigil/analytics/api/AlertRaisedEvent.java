package io.vigil.analytics.api;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A series became anomalous and a new incident of its alert opened. Notifications announce it unless
 * {@code silenced}.
 *
 * @param incident 1 for the alert's first incident, then 2, 3, …
 * @param minute the anomalous minute that opened the incident
 * @param silenced whether a silence of the alert or a maintenance window of the monitor held at {@code minute}
 * @param silenceReason which silence or window, for operators; {@code null} when not silenced
 * @param raisedAt when the monitor evaluated the minute
 */
@Revision("1")
public record AlertRaisedEvent(
        String alertId,
        int incident,
        String monitorId,
        String monitorName,
        Map<String, String> series,
        Instant minute,
        Observation observation,
        boolean silenced,
        String silenceReason,
        Instant raisedAt)
        implements AlertEvent {

    public AlertRaisedEvent {
        series = series == null ? Map.of() : Map.copyOf(series);
    }
}
