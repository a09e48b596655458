package io.vigil.analytics.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An operator takes on the open incident. Rejected with {@link AlertStateException} when no incident is open or it
 * is already acknowledged.
 *
 * @param by who acknowledges
 * @param note optional, {@code null} when absent
 * @param at when the operator acknowledged
 */
public record AcknowledgeAlertCommand(
        @TargetAggregateIdentifier String alertId, String by, String note, Instant at) {

    public AcknowledgeAlertCommand {
        Checks.requireText(alertId, "alertId", MonitoringRules.MAX_ALERT_ID);
        Checks.requireText(by, "by", MonitoringRules.MAX_BY);
        note = Checks.optionalText(note, "note", MonitoringRules.MAX_NOTE);
        Checks.require(at, "at");
    }
}
