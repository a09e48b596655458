package io.vigil.analytics.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a monitor would have done over a stretch of history.
 *
 * @param minutes minutes evaluated
 * @param series distinct series with traffic in the range
 * @param incidents the alerts it would have raised, oldest first
 * @param problem why nothing was evaluated (unknown monitor, bad range), or {@code null}
 * @param marks how the incidents compare with the alerts operators marked in the range, or {@code null} when the
 *     backtest is of a draft monitor (which has no alerts)
 */
public record BacktestResult(int minutes, int series, List<Incident> incidents, String problem, Marks marks) {

    public BacktestResult(int minutes, int series, List<Incident> incidents, String problem) {
        this(minutes, series, incidents, problem, null);
    }

    /**
     * The backtest scored against operators' marks on the monitor's stored alerts raised in the range. An alert
     * matches an incident of the backtest of the same series (or its parent) raised from 10 minutes before the
     * alert's minute to 10 minutes after it was resolved.
     *
     * @param incidents alerts marked as real incidents
     * @param found of those, how many the backtest raises too
     * @param notIncidents alerts marked "not an incident"
     * @param raisedAgain of those, how many the backtest still raises: false alarms the monitor would repeat
     * @param unmarked incidents of the backtest that match no marked alert
     */
    public record Marks(int incidents, int found, int notIncidents, int raisedAgain, int unmarked) {}

    /**
     * One alert incident: raised at {@code raisedMinute}, resolved by recovery at {@code resolvedMinute} ({@code null}
     * when still open at the end of the range), with the observation that raised it, and how an operator marked the
     * stored alert it matches ({@code null} when none is marked).
     */
    public record Incident(
            Map<String, String> series,
            Instant raisedMinute,
            Instant resolvedMinute,
            Observation raisedWith,
            AlertVerdict marked) {

        public Incident(
                Map<String, String> series, Instant raisedMinute, Instant resolvedMinute, Observation raisedWith) {
            this(series, raisedMinute, resolvedMinute, raisedWith, null);
        }
    }
}
