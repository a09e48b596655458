package io.vigil.analytics.api;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * The open incident closed, because the series recovered ({@code automatic}) or an operator resolved it. It repeats
 * the monitor and series so that a notification needs nothing else.
 *
 * @param minute the normal minute that resolved it when {@code automatic}, otherwise {@code null}
 * @param resolvedAt when the monitor evaluated that minute, or when the operator resolved
 * @param by the operator, {@code null} when {@code automatic}
 * @param note the operator's note, {@code null} when absent or {@code automatic}
 * @param observation the normal minute's observation when {@code automatic}, otherwise {@code null}
 * @param silenced true when the resolution should not be announced either: the incident opened silenced, or a silence
 *     of the alert held when it was resolved (at {@code minute} when automatic, at {@code resolvedAt} otherwise).
 *     Maintenance windows alone do not silence a resolution: an announced incident gets its all-clear.
 */
@Revision("1")
public record AlertResolvedEvent(
        String alertId,
        int incident,
        String monitorId,
        String monitorName,
        Map<String, String> series,
        Instant minute,
        Instant resolvedAt,
        boolean automatic,
        String by,
        String note,
        Observation observation,
        boolean silenced)
        implements AlertEvent {

    public AlertResolvedEvent {
        series = series == null ? Map.of() : Map.copyOf(series);
    }
}
