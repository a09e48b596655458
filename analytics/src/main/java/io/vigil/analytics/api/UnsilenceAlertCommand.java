package io.vigil.analytics.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An operator lifts the alert's silence. Rejected with {@link AlertStateException} when no silence holds at
 * {@code at} (none was set, it was lifted, its time passed or its incident was resolved).
 */
public record UnsilenceAlertCommand(
        @TargetAggregateIdentifier String alertId, String by, Instant at) {

    public UnsilenceAlertCommand {
        Checks.requireText(alertId, "alertId", MonitoringRules.MAX_ALERT_ID);
        Checks.requireText(by, "by", MonitoringRules.MAX_BY);
        Checks.require(at, "at");
    }
}
