package io.vigil.analytics.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An operator closes the open incident, acknowledged or not. Rejected with {@link AlertStateException} when no
 * incident is open. If the series is still anomalous, the monitor's next raise opens a new incident.
 *
 * @param by who resolves
 * @param note optional, {@code null} when absent
 * @param at when the operator resolved
 */
public record ResolveAlertCommand(@TargetAggregateIdentifier String alertId, String by, String note, Instant at) {

    public ResolveAlertCommand {
        Checks.requireText(alertId, "alertId", MonitoringRules.MAX_ALERT_ID);
        Checks.requireText(by, "by", MonitoringRules.MAX_BY);
        note = Checks.optionalText(note, "note", MonitoringRules.MAX_NOTE);
        Checks.require(at, "at");
    }
}
