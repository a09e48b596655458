package io.vigil.analytics.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An operator marks one incident of an alert, open or past, as a real incident or not one; a later mark replaces an
 * earlier one. Rejected with {@link AlertStateException} when the alert has no such incident.
 *
 * @param incident the incident's number (1 for the alert's first)
 * @param by who marks
 * @param note optional, {@code null} when absent
 * @param at when the operator marked
 */
public record MarkAlertCommand(
        @TargetAggregateIdentifier String alertId,
        int incident,
        AlertVerdict verdict,
        String by,
        String note,
        Instant at) {

    public MarkAlertCommand {
        Checks.requireText(alertId, "alertId", MonitoringRules.MAX_ALERT_ID);
        if (incident < 1) {
            throw new IllegalArgumentException("incident must be 1 or more, got " + incident);
        }
        Checks.require(verdict, "verdict");
        Checks.requireText(by, "by", MonitoringRules.MAX_BY);
        note = Checks.optionalText(note, "note", MonitoringRules.MAX_NOTE);
        Checks.require(at, "at");
    }
}
