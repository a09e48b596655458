package io.vigil.analytics.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A monitor found {@code minute} of a series anomalous. Opens an incident of the series' alert, creating the alert on
 * first use, unless an incident is already open: then nothing happens, so a monitor may send this every anomalous
 * minute.
 *
 * @param alertId {@link AlertId#of(String, Map)} of the monitor and series; the constructor without it computes it
 * @param series the dimension values that identify the series, e.g. {@code {merchant=m-42, country=SE}}; may be empty
 * @param minute the start of the anomalous minute; silences and maintenance windows are checked at this minute
 * @param monitorWindows the monitor's maintenance windows, in which the alert opens silenced
 * @param at when the monitor evaluated the minute
 */
public record RaiseAlertCommand(
        @TargetAggregateIdentifier String alertId,
        String monitorId,
        String monitorName,
        Map<String, String> series,
        Instant minute,
        Observation observation,
        List<MaintenanceWindow> monitorWindows,
        Instant at) {

    public RaiseAlertCommand {
        Checks.requireText(monitorId, "monitorId");
        Checks.requireText(monitorName, "monitorName");
        series = Checks.series(series);
        Checks.requireMinute(minute);
        Checks.require(observation, "observation");
        monitorWindows = monitorWindows == null ? List.of() : List.copyOf(monitorWindows);
        Checks.require(at, "at");
        String expected = AlertId.of(monitorId, series);
        if (!expected.equals(alertId)) {
            throw new IllegalArgumentException(
                    "alertId must be AlertId.of(monitorId, series) = " + expected + ", not " + alertId);
        }
    }

    public RaiseAlertCommand(
            String monitorId,
            String monitorName,
            Map<String, String> series,
            Instant minute,
            Observation observation,
            List<MaintenanceWindow> monitorWindows,
            Instant at) {
        this(AlertId.of(monitorId, series), monitorId, monitorName, series, minute, observation, monitorWindows, at);
    }
}
