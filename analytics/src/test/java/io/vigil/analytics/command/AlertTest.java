package io.vigil.analytics.command;

import io.vigil.analytics.api.AcknowledgeAlertCommand;
import io.vigil.analytics.api.AlertAcknowledgedEvent;
import io.vigil.analytics.api.AlertId;
import io.vigil.analytics.api.AlertMarkedEvent;
import io.vigil.analytics.api.AlertRaisedEvent;
import io.vigil.analytics.api.AlertResolvedEvent;
import io.vigil.analytics.api.AlertSilencedEvent;
import io.vigil.analytics.api.AlertStateException;
import io.vigil.analytics.api.AlertUnsilencedEvent;
import io.vigil.analytics.api.AlertVerdict;
import io.vigil.analytics.api.MaintenanceWindow;
import io.vigil.analytics.api.MarkAlertCommand;
import io.vigil.analytics.api.Observation;
import io.vigil.analytics.api.RaiseAlertCommand;
import io.vigil.analytics.api.ReportRecoveryCommand;
import io.vigil.analytics.api.ResolveAlertCommand;
import io.vigil.analytics.api.SilenceAlertCommand;
import io.vigil.analytics.api.UnsilenceAlertCommand;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertTest {

    private static final Map<String, String> SERIES = Map.of("merchant", "m-42", "country", "SE");
    private static final String ALERT = AlertId.of("mon-1", SERIES);
    private static final String MONITOR_NAME = "Approved volume by merchant and country";

    /** A Tuesday; Stockholm is on CET (UTC+1) then. */
    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    private static final Observation DROP = new Observation(12, 40, Observation.YESTERDAY, 0.0001, 92, 12);
    private static final Observation NORMAL = new Observation(39, 40, Observation.YESTERDAY, 0.61, 3, 39);

    /** Tuesdays 10:00 to 12:00 Stockholm time, that is 09:00 to 11:00 UTC in March. */
    private static final MaintenanceWindow TUESDAY_DEPLOYS = new MaintenanceWindow(
            Set.of(DayOfWeek.TUESDAY),
            LocalTime.of(10, 0),
            Duration.ofHours(2),
            ZoneId.of("Europe/Stockholm"),
            "Tuesday deploys");

    private AggregateTestFixture<Alert> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Alert.class);
    }

    @Test
    void canRaiseAlertOnFirstAnomaly() {
        fixture.givenNoPriorActivity()
                .when(raise(T0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(raised(1, T0));
    }

    @Test
    void cannotRaiseTwiceWhileOpen() {
        fixture.given(raised(1, T0))
                .when(raise(T0.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotRaiseWhileTheOpenIncidentIsAcknowledged() {
        fixture.given(raised(1, T0), acknowledged(1))
                .when(raise(T0.plusSeconds(600)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void canRaiseNewIncidentAfterResolve() {
        fixture.given(raised(1, T0), resolvedByOperator(1, false))
                .when(raise(T0.plusSeconds(3600)))
                .expectEvents(raised(2, T0.plusSeconds(3600)));
    }

    @Test
    void canAutoResolveWhenRecovered() {
        Instant minute = T0.plusSeconds(300);
        fixture.given(raised(1, T0))
                .when(new ReportRecoveryCommand(ALERT, minute, NORMAL, evaluated(minute)))
                .expectEvents(recovered(1, minute, false));
    }

    @Test
    void canAutoResolveAnAcknowledgedIncident() {
        Instant minute = T0.plusSeconds(300);
        fixture.given(raised(1, T0), acknowledged(1))
                .when(new ReportRecoveryCommand(ALERT, minute, NORMAL, evaluated(minute)))
                .expectEvents(recovered(1, minute, false));
    }

    @Test
    void recoveryWithoutOpenIncidentDoesNothing() {
        Instant minute = T0.plusSeconds(300);
        fixture.given(raised(1, T0), recovered(1, T0.plusSeconds(120), false))
                .when(new ReportRecoveryCommand(ALERT, minute, NORMAL, evaluated(minute)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recoveryOfAMinuteBeforeTheIncidentOpenedDoesNothing() {
        Instant earlier = T0.minusSeconds(120);
        fixture.given(raised(1, T0))
                .when(new ReportRecoveryCommand(ALERT, earlier, NORMAL, evaluated(T0)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anomalyOfAMinuteBeforeTheRecoveryDoesNotReopen() {
        fixture.given(raised(1, T0), recovered(1, T0.plusSeconds(300), false))
                .when(raise(T0.plusSeconds(240)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReportRecoveryOfAnUnknownAlert() {
        fixture.givenNoPriorActivity()
                .when(new ReportRecoveryCommand(ALERT, T0, NORMAL, evaluated(T0)))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void canAcknowledge() {
        fixture.given(raised(1, T0))
                .when(new AcknowledgeAlertCommand(ALERT, "alice", "looking into it", operatorTime()))
                .expectEvents(acknowledged(1));
    }

    @Test
    void cannotAcknowledgeTwice() {
        fixture.given(raised(1, T0), acknowledged(1))
                .when(new AcknowledgeAlertCommand(ALERT, "bob", null, operatorTime()))
                .expectNoEvents()
                .expectException(AlertStateException.class)
                .expectExceptionMessage("alert " + ALERT + " incident 1 is already acknowledged by alice");
    }

    @Test
    void cannotAcknowledgeWhenNotOpen() {
        fixture.given(raised(1, T0), resolvedByOperator(1, false))
                .when(new AcknowledgeAlertCommand(ALERT, "alice", null, operatorTime()))
                .expectNoEvents()
                .expectException(AlertStateException.class)
                .expectExceptionMessage("alert " + ALERT + " has no open incident to acknowledge");
    }

    @Test
    void canResolveAnAcknowledgedIncident() {
        fixture.given(raised(1, T0), acknowledged(1))
                .when(new ResolveAlertCommand(ALERT, "alice", "merchant fixed their checkout", operatorTime()))
                .expectEvents(resolvedByOperator(1, false));
    }

    @Test
    void cannotResolveWhenNotOpen() {
        fixture.given(raised(1, T0), recovered(1, T0.plusSeconds(300), false))
                .when(new ResolveAlertCommand(ALERT, "alice", null, operatorTime()))
                .expectNoEvents()
                .expectException(AlertStateException.class)
                .expectExceptionMessage("alert " + ALERT + " has no open incident to resolve");
    }

    @Test
    void silenceUntilTimeSilencesRaiseBeforeItAndNotAfter() {
        Instant until = T0.plusSeconds(7200);
        AlertSilencedEvent silencedUntil =
                new AlertSilencedEvent(ALERT, "alice", until, false, null, "card network outage", operatorTime());
        String reason = "silenced by alice until 2026-03-10T12:00:00Z: card network outage";

        Instant lastSilencedMinute = until.minusSeconds(60);
        fixture.given(raised(1, T0), resolvedByOperator(1, false), silencedUntil)
                .when(raise(lastSilencedMinute))
                .expectEvents(raised(2, lastSilencedMinute, reason));

        new AggregateTestFixture<>(Alert.class)
                .given(raised(1, T0), resolvedByOperator(1, false), silencedUntil)
                .when(raise(until))
                .expectEvents(raised(2, until));
    }

    @Test
    void canSilenceTheOpenIncidentSoItsResolutionIsNotAnnounced() {
        Instant until = T0.plusSeconds(7200);
        AlertSilencedEvent silencedUntil =
                new AlertSilencedEvent(ALERT, "alice", until, false, null, "known issue", operatorTime());
        fixture.given(raised(1, T0))
                .when(SilenceAlertCommand.until(ALERT, "alice", until, "known issue", operatorTime()))
                .expectEvents(silencedUntil);

        Instant minute = T0.plusSeconds(1800);
        new AggregateTestFixture<>(Alert.class)
                .given(raised(1, T0), silencedUntil)
                .when(new ReportRecoveryCommand(ALERT, minute, NORMAL, evaluated(minute)))
                .expectEvents(recovered(1, minute, true));
    }

    @Test
    void untilResolvedSilenceSilencesTheResolution() {
        fixture.given(raised(1, T0))
                .when(SilenceAlertCommand.untilResolved(ALERT, "alice", "merchant is on it", operatorTime()))
                .expectEvents(silencedUntilResolved());

        new AggregateTestFixture<>(Alert.class)
                .given(raised(1, T0), silencedUntilResolved())
                .when(new ResolveAlertCommand(ALERT, "alice", "merchant fixed their checkout", operatorTime()))
                .expectEvents(resolvedByOperator(1, true));
    }

    @Test
    void untilResolvedSilenceEndsWithTheIncident() {
        Instant recoveredMinute = T0.plusSeconds(300);
        Instant nextAnomaly = T0.plusSeconds(3600);
        // the recovery is announced as silenced, and the next incident is announced again
        fixture.given(raised(1, T0), silencedUntilResolved())
                .andGivenCommands(new ReportRecoveryCommand(ALERT, recoveredMinute, NORMAL, evaluated(recoveredMinute)))
                .when(raise(nextAnomaly))
                .expectEvents(raised(2, nextAnomaly));

        new AggregateTestFixture<>(Alert.class)
                .given(raised(1, T0), silencedUntilResolved(), resolvedByOperator(1, true))
                .when(raise(nextAnomaly))
                .expectEvents(raised(2, nextAnomaly));
    }

    @Test
    void cannotSilenceUntilResolvedWithoutAnOpenIncident() {
        fixture.given(raised(1, T0), resolvedByOperator(1, false))
                .when(SilenceAlertCommand.untilResolved(ALERT, "alice", null, operatorTime()))
                .expectNoEvents()
                .expectException(AlertStateException.class)
                .expectExceptionMessage("alert " + ALERT + " has no open incident to silence until it is resolved");
    }

    @Test
    void cannotSilenceAnUnknownAlert() {
        fixture.givenNoPriorActivity()
                .when(SilenceAlertCommand.until(ALERT, "alice", T0.plusSeconds(60), null, T0))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void recurringWindowSilencesOnlyInsideTheWindow() {
        AlertSilencedEvent silencedDuringDeploys = new AlertSilencedEvent(
                ALERT, "alice", null, false, TUESDAY_DEPLOYS, "deploys shake the volume", operatorTime());
        String reason = "silenced by alice during Tuesday deploys: deploys shake the volume";

        // the alert's own silence, inside the window: Tuesday 11:59 in Stockholm
        Instant inside = Instant.parse("2026-03-17T10:59:00Z");
        fixture.given(raised(1, T0), resolvedByOperator(1, false), silencedDuringDeploys)
                .when(raise(inside))
                .expectEvents(raised(2, inside, reason));

        // Tuesday 12:00 in Stockholm: the window has closed, the silence itself is still there
        Instant closed = Instant.parse("2026-03-17T11:00:00Z");
        new AggregateTestFixture<>(Alert.class)
                .given(raised(1, T0), resolvedByOperator(1, false), silencedDuringDeploys)
                .when(raise(closed))
                .expectEvents(raised(2, closed));

        // Wednesday at the same time: not a window day
        Instant wednesday = Instant.parse("2026-03-18T10:00:00Z");
        new AggregateTestFixture<>(Alert.class)
                .given(raised(1, T0), resolvedByOperator(1, false), silencedDuringDeploys)
                .when(raise(wednesday))
                .expectEvents(raised(2, wednesday));
    }

    @Test
    void monitorMaintenanceWindowSilencesOnlyInsideTheWindow() {
        Instant inside = Instant.parse("2026-03-17T09:00:00Z");
        fixture.givenNoPriorActivity()
                .when(raise(inside, List.of(TUESDAY_DEPLOYS)))
                .expectEvents(raised(1, inside, "maintenance window of the monitor: Tuesday deploys"));

        Instant outside = Instant.parse("2026-03-17T08:59:00Z");
        new AggregateTestFixture<>(Alert.class)
                .givenNoPriorActivity()
                .when(raise(outside, List.of(TUESDAY_DEPLOYS)))
                .expectEvents(raised(1, outside));
    }

    @Test
    void incidentRaisedInAMaintenanceWindowResolvesSilencedAfterTheWindow() {
        Instant inside = Instant.parse("2026-03-17T10:30:00Z");
        Instant afterTheWindow = Instant.parse("2026-03-17T11:30:00Z");
        fixture.given(raised(1, inside, "maintenance window of the monitor: Tuesday deploys"))
                .when(new ReportRecoveryCommand(ALERT, afterTheWindow, NORMAL, evaluated(afterTheWindow)))
                .expectEvents(recovered(1, afterTheWindow, true));
    }

    @Test
    void aNewSilenceReplacesTheOldOne() {
        Instant tuesdayOutsideTheWindow = Instant.parse("2026-03-17T12:00:00Z");
        fixture.given(
                        raised(1, T0),
                        resolvedByOperator(1, false),
                        new AlertSilencedEvent(
                                ALERT, "alice", T0.plusSeconds(30 * 86400), false, null, null, operatorTime()),
                        new AlertSilencedEvent(ALERT, "bob", null, false, TUESDAY_DEPLOYS, null, operatorTime()))
                .when(raise(tuesdayOutsideTheWindow))
                .expectEvents(raised(2, tuesdayOutsideTheWindow));
    }

    @Test
    void canUnsilence() {
        Instant next = T0.plusSeconds(1800); // inside the Tuesday window
        fixture.given(raised(1, T0), resolvedByOperator(1, false), silencedDuring())
                .andGivenCommands(new UnsilenceAlertCommand(ALERT, "bob", operatorTime()))
                .when(raise(next))
                .expectEvents(raised(2, next));

        new AggregateTestFixture<>(Alert.class)
                .given(raised(1, T0), silencedDuring())
                .when(new UnsilenceAlertCommand(ALERT, "bob", operatorTime()))
                .expectEvents(new AlertUnsilencedEvent(ALERT, "bob", operatorTime()));
    }

    @Test
    void cannotUnsilenceWhenNotSilenced() {
        fixture.given(raised(1, T0))
                .when(new UnsilenceAlertCommand(ALERT, "bob", operatorTime()))
                .expectNoEvents()
                .expectException(AlertStateException.class)
                .expectExceptionMessage("alert " + ALERT + " is not silenced");
    }

    @Test
    void cannotUnsilenceASilenceWhoseTimeHasPassed() {
        Instant until = T0.plusSeconds(3600);
        fixture.given(raised(1, T0), new AlertSilencedEvent(ALERT, "alice", until, false, null, null, operatorTime()))
                .when(new UnsilenceAlertCommand(ALERT, "bob", until))
                .expectNoEvents()
                .expectException(AlertStateException.class);
    }

    @Test
    void aPastIncidentCanBeMarkedNotAnIncidentAndMarkedAgain() {
        Instant at = operatorTime();
        fixture.given(raised(1, T0), recovered(1, T0.plusSeconds(300), false), raised(2, T0.plusSeconds(3600)))
                .when(new MarkAlertCommand(ALERT, 1, AlertVerdict.NOT_AN_INCIDENT, "alice", "a promotion", at))
                .expectEvents(new AlertMarkedEvent(
                        ALERT, 1, "mon-1", AlertVerdict.NOT_AN_INCIDENT, "alice", "a promotion", at));
        fixture.given(raised(1, T0), new AlertMarkedEvent(ALERT, 1, "mon-1", AlertVerdict.INCIDENT, "bob", null, at))
                .when(new MarkAlertCommand(ALERT, 1, AlertVerdict.NOT_AN_INCIDENT, "alice", null, at))
                .expectEvents(new AlertMarkedEvent(ALERT, 1, "mon-1", AlertVerdict.NOT_AN_INCIDENT, "alice", null, at));
    }

    @Test
    void cannotMarkAnIncidentThatDidNotHappen() {
        fixture.given(raised(1, T0))
                .when(new MarkAlertCommand(ALERT, 2, AlertVerdict.INCIDENT, "alice", null, operatorTime()))
                .expectException(AlertStateException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("has no incident 2 (it has had 1)"));
    }

    private static RaiseAlertCommand raise(Instant minute) {
        return raise(minute, List.of());
    }

    private static RaiseAlertCommand raise(Instant minute, List<MaintenanceWindow> monitorWindows) {
        return new RaiseAlertCommand("mon-1", MONITOR_NAME, SERIES, minute, DROP, monitorWindows, evaluated(minute));
    }

    /** Monitors evaluate a minute a few seconds after it ends. */
    private static Instant evaluated(Instant minute) {
        return minute.plusSeconds(65);
    }

    private static Instant operatorTime() {
        return T0.plusSeconds(900);
    }

    private static AlertRaisedEvent raised(int incident, Instant minute) {
        return raised(incident, minute, null);
    }

    private static AlertRaisedEvent raised(int incident, Instant minute, String silenceReason) {
        return new AlertRaisedEvent(
                ALERT,
                incident,
                "mon-1",
                MONITOR_NAME,
                SERIES,
                minute,
                DROP,
                silenceReason != null,
                silenceReason,
                evaluated(minute));
    }

    private static AlertAcknowledgedEvent acknowledged(int incident) {
        return new AlertAcknowledgedEvent(ALERT, incident, "alice", "looking into it", operatorTime());
    }

    private static AlertResolvedEvent resolvedByOperator(int incident, boolean silenced) {
        return new AlertResolvedEvent(
                ALERT,
                incident,
                "mon-1",
                MONITOR_NAME,
                SERIES,
                null,
                operatorTime(),
                false,
                "alice",
                "merchant fixed their checkout",
                null,
                silenced);
    }

    private static AlertResolvedEvent recovered(int incident, Instant minute, boolean silenced) {
        return new AlertResolvedEvent(
                ALERT,
                incident,
                "mon-1",
                MONITOR_NAME,
                SERIES,
                minute,
                evaluated(minute),
                true,
                null,
                null,
                NORMAL,
                silenced);
    }

    private static AlertSilencedEvent silencedUntilResolved() {
        return new AlertSilencedEvent(ALERT, "alice", null, true, null, "merchant is on it", operatorTime());
    }

    private static AlertSilencedEvent silencedDuring() {
        return new AlertSilencedEvent(ALERT, "alice", null, false, TUESDAY_DEPLOYS, null, operatorTime());
    }
}
