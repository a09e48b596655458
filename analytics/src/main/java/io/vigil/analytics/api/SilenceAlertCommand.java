package io.vigil.analytics.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An operator silences the alert: incidents it raises while the silence holds are marked silenced, and the
 * notifications skip them. Exactly one of three kinds, given by which component is set:
 *
 * <ul>
 *   <li>{@code until}: until that instant, which must be after {@code at};
 *   <li>{@code untilResolved}: until the open incident is resolved, by an operator or by recovery; rejected with
 *       {@link AlertStateException} when no incident is open;
 *   <li>{@code window}: inside a weekly recurring window, until the alert is unsilenced.
 * </ul>
 *
 * A new silence replaces the alert's current one. Use the factories {@link #until}, {@link #untilResolved} and
 * {@link #during} to build one kind.
 *
 * @param by who silences
 * @param reason optional, {@code null} when absent
 * @param at when the operator silenced
 */
public record SilenceAlertCommand(
        @TargetAggregateIdentifier String alertId,
        String by,
        Instant until,
        boolean untilResolved,
        MaintenanceWindow window,
        String reason,
        Instant at) {

    public SilenceAlertCommand {
        Checks.requireText(alertId, "alertId", MonitoringRules.MAX_ALERT_ID);
        Checks.requireText(by, "by", MonitoringRules.MAX_BY);
        Checks.require(at, "at");
        int kinds = (until != null ? 1 : 0) + (untilResolved ? 1 : 0) + (window != null ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException(
                    "a silence needs exactly one of until, untilResolved or window, not " + kinds);
        }
        if (until != null && !until.isAfter(at)) {
            throw new IllegalArgumentException("silence until " + until + " is not after the time of silencing " + at);
        }
        MonitoringRules.silenceUntil("until", until, at);
        reason = Checks.optionalText(reason, "reason", MonitoringRules.MAX_NOTE);
    }

    public static SilenceAlertCommand until(String alertId, String by, Instant until, String reason, Instant at) {
        return new SilenceAlertCommand(alertId, by, until, false, null, reason, at);
    }

    public static SilenceAlertCommand untilResolved(String alertId, String by, String reason, Instant at) {
        return new SilenceAlertCommand(alertId, by, null, true, null, reason, at);
    }

    public static SilenceAlertCommand during(
            String alertId, String by, MaintenanceWindow window, String reason, Instant at) {
        return new SilenceAlertCommand(alertId, by, null, false, window, reason, at);
    }
}
