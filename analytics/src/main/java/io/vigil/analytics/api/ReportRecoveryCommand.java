package io.vigil.analytics.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A monitor found {@code minute} of a series that has an alert normal again. Resolves the open incident
 * automatically; does nothing when no incident is open or the minute is older than the one that opened it.
 *
 * @param minute the start of the normal minute
 * @param at when the monitor evaluated the minute
 */
public record ReportRecoveryCommand(
        @TargetAggregateIdentifier String alertId, Instant minute, Observation observation, Instant at) {

    public ReportRecoveryCommand {
        Checks.requireText(alertId, "alertId");
        Checks.requireMinute(minute);
        Checks.require(observation, "observation");
        Checks.require(at, "at");
    }
}
