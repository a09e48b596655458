package io.vigil.analytics.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.vigil.analytics.api.AcknowledgeAlertCommand;
import io.vigil.analytics.api.AlertAcknowledgedEvent;
import io.vigil.analytics.api.AlertMarkedEvent;
import io.vigil.analytics.api.AlertRaisedEvent;
import io.vigil.analytics.api.AlertResolvedEvent;
import io.vigil.analytics.api.AlertSilencedEvent;
import io.vigil.analytics.api.AlertStateException;
import io.vigil.analytics.api.AlertUnsilencedEvent;
import io.vigil.analytics.api.MaintenanceWindow;
import io.vigil.analytics.api.MarkAlertCommand;
import io.vigil.analytics.api.Observation;
import io.vigil.analytics.api.RaiseAlertCommand;
import io.vigil.analytics.api.ReportRecoveryCommand;
import io.vigil.analytics.api.ResolveAlertCommand;
import io.vigil.analytics.api.SilenceAlertCommand;
import io.vigil.analytics.api.UnsilenceAlertCommand;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The alert of one monitor and series ({@link io.vigil.analytics.api.AlertId}). It has at most one open incident at a
 * time: a monitor raising while one is open changes nothing, so operators see one alert however long the anomaly
 * lasts. Times come from the commands, never from a clock, and silences that end by time are checked against those
 * times instead of being scheduled.
 */
@Aggregate
class Alert {

    @AggregateIdentifier
    private String alertId;

    private String monitorId;
    private String monitorName;
    private Map<String, String> series;

    /** The number of the last incident opened, 0 before the first. */
    private int incidents;

    /** {@code null} when no incident is open. */
    private OpenIncident open;

    /** The minute of the last automatic resolution; an anomaly reported for an older minute is stale. */
    private Instant recoveredMinute;

    /** The operator's silence, {@code null} when none; an {@code until} silence stays here after its time passed. */
    private Silence silence;

    Alert() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RaiseAlertCommand command) {
        if (open != null) {
            return; // one open incident per monitor and series: repeats of the anomaly are not news
        }
        if (recoveredMinute != null && command.minute().isBefore(recoveredMinute)) {
            return; // a late evaluation of a minute before the series recovered
        }
        String silenceReason = silenceReason(command.minute(), command.monitorWindows());
        apply(new AlertRaisedEvent(
                command.alertId(),
                incidents + 1,
                command.monitorId(),
                command.monitorName(),
                command.series(),
                command.minute(),
                command.observation(),
                silenceReason != null,
                silenceReason,
                command.at()));
    }

    @CommandHandler
    void handle(ReportRecoveryCommand command) {
        if (open == null || command.minute().isBefore(open.minute())) {
            return;
        }
        apply(resolved(command.minute(), command.at(), null, null, command.observation()));
    }

    @CommandHandler
    void handle(AcknowledgeAlertCommand command) {
        if (open == null) {
            throw new AlertStateException(alertId, "has no open incident to acknowledge");
        }
        if (open.acknowledgedBy() != null) {
            throw new AlertStateException(
                    alertId, "incident " + open.number() + " is already acknowledged by " + open.acknowledgedBy());
        }
        apply(new AlertAcknowledgedEvent(alertId, open.number(), command.by(), command.note(), command.at()));
    }

    @CommandHandler
    void handle(ResolveAlertCommand command) {
        if (open == null) {
            throw new AlertStateException(alertId, "has no open incident to resolve");
        }
        apply(resolved(null, command.at(), command.by(), command.note(), null));
    }

    @CommandHandler
    void handle(SilenceAlertCommand command) {
        if (command.untilResolved() && open == null) {
            throw new AlertStateException(alertId, "has no open incident to silence until it is resolved");
        }
        apply(new AlertSilencedEvent(
                alertId,
                command.by(),
                command.until(),
                command.untilResolved(),
                command.window(),
                command.reason(),
                command.at()));
    }

    @CommandHandler
    void handle(UnsilenceAlertCommand command) {
        if (silence == null || silence.isOverAt(command.at())) {
            throw new AlertStateException(alertId, "is not silenced");
        }
        apply(new AlertUnsilencedEvent(alertId, command.by(), command.at()));
    }

    @CommandHandler
    void handle(MarkAlertCommand command) {
        if (command.incident() > incidents) {
            throw new AlertStateException(
                    alertId, "has no incident " + command.incident() + " (it has had " + incidents + ")");
        }
        apply(new AlertMarkedEvent(
                alertId, command.incident(), monitorId, command.verdict(), command.by(), command.note(), command.at()));
    }

    /** Why a raise at {@code minute} is silenced, or {@code null}: the alert's own silence first, then the monitor's. */
    private String silenceReason(Instant minute, List<MaintenanceWindow> monitorWindows) {
        if (silence != null && silence.holdsAt(minute)) {
            return silence.describe();
        }
        for (MaintenanceWindow window : monitorWindows) {
            if (window.isActive(minute)) {
                return "maintenance window of the monitor: " + window.describe();
            }
        }
        return null;
    }

    /** An automatic resolution has a {@code minute} and no {@code by}; a manual one the reverse. */
    private AlertResolvedEvent resolved(
            Instant minute, Instant resolvedAt, String by, String note, Observation observation) {
        boolean automatic = minute != null;
        Instant checkedAt = automatic ? minute : resolvedAt;
        boolean silenced = open.silenced() || (silence != null && silence.holdsAt(checkedAt));
        return new AlertResolvedEvent(
                alertId,
                open.number(),
                monitorId,
                monitorName,
                series,
                minute,
                resolvedAt,
                automatic,
                by,
                note,
                observation,
                silenced);
    }

    @EventSourcingHandler
    void on(AlertRaisedEvent event) {
        alertId = event.alertId();
        monitorId = event.monitorId();
        monitorName = event.monitorName();
        series = event.series();
        incidents = event.incident();
        open = new OpenIncident(event.incident(), event.minute(), event.silenced(), null);
    }

    @EventSourcingHandler
    void on(AlertAcknowledgedEvent event) {
        open = open.acknowledged(event.by());
    }

    @EventSourcingHandler
    void on(AlertResolvedEvent event) {
        open = null;
        if (event.automatic()) {
            recoveredMinute = event.minute();
        }
        if (silence != null && silence.untilResolved()) {
            silence = null;
        }
    }

    @EventSourcingHandler
    void on(AlertSilencedEvent event) {
        silence = new Silence(event.by(), event.until(), event.untilResolved(), event.window(), event.reason());
    }

    @EventSourcingHandler
    void on(AlertUnsilencedEvent event) {
        silence = null;
    }

    /** The incident that is open; {@code acknowledgedBy} is {@code null} until an operator acknowledges it. */
    private record OpenIncident(int number, Instant minute, boolean silenced, String acknowledgedBy) {

        OpenIncident acknowledged(String by) {
            return new OpenIncident(number, minute, silenced, by);
        }
    }

    /** An operator's silence: exactly one of {@code until}, {@code untilResolved} and {@code window} is set. */
    private record Silence(String by, Instant until, boolean untilResolved, MaintenanceWindow window, String reason) {

        /** Whether a raise at {@code at} is silenced by it. */
        boolean holdsAt(Instant at) {
            if (until != null) {
                return at.isBefore(until);
            }
            return untilResolved || window.isActive(at);
        }

        /** Whether it is over at {@code at}; a recurring window is not over between its openings. */
        boolean isOverAt(Instant at) {
            return until != null && !at.isBefore(until);
        }

        String describe() {
            String kind;
            if (until != null) {
                kind = "until " + until;
            } else if (untilResolved) {
                kind = "until the incident is resolved";
            } else {
                kind = "during " + window.describe();
            }
            return "silenced by " + by + " " + kind + (reason == null ? "" : ": " + reason);
        }
    }
}
