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
 */
public record BacktestResult(int minutes, int series, List<Incident> incidents, String problem) {

    /**
     * One alert incident: raised at {@code raisedMinute}, resolved by recovery at {@code resolvedMinute} ({@code null}
     * when still open at the end of the range), with the observation that raised it.
     */
    public record Incident(
            Map<String, String> series, Instant raisedMinute, Instant resolvedMinute, Observation raisedWith) {}
}
