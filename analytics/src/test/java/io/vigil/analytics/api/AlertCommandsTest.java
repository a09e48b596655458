package io.vigil.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertCommandsTest {

    private static final Instant AT = Instant.parse("2026-03-10T10:15:00Z");
    private static final Map<String, String> SERIES = Map.of("merchant", "m-42");
    private static final String ALERT = AlertId.of("mon-1", SERIES);
    private static final Observation DROP = new Observation(12, 40, Observation.LAST_WEEK, 0.001, 90, 12);
    private static final MaintenanceWindow NIGHTLY =
            new MaintenanceWindow(Set.of(), LocalTime.of(2, 0), Duration.ofHours(1), ZoneId.of("UTC"), null);

    @Test
    void raiseComputesTheAlertIdFromMonitorAndSeries() {
        RaiseAlertCommand command = new RaiseAlertCommand("mon-1", "Volume", SERIES, AT, DROP, null, AT);

        assertThat(command.alertId()).isEqualTo(ALERT);
        assertThat(command.monitorWindows()).isEmpty();
    }

    @Test
    void cannotRaiseForAnIdThatIsNotTheSeriesId() {
        assertThatThrownBy(
                        () -> new RaiseAlertCommand("mon-1/other", "mon-1", "Volume", SERIES, AT, DROP, List.of(), AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alertId must be AlertId.of(monitorId, series) = " + ALERT + ", not mon-1/other");
    }

    @Test
    void cannotRaiseOrRecoverForAPointInsideAMinute() {
        Instant inside = AT.plusSeconds(5);
        assertThatThrownBy(() -> new RaiseAlertCommand("mon-1", "Volume", SERIES, inside, DROP, List.of(), AT))
                .hasMessage("minute must be the start of a minute, not 2026-03-10T10:15:05Z");
        assertThatThrownBy(() -> new ReportRecoveryCommand(ALERT, inside, DROP, AT))
                .hasMessage("minute must be the start of a minute, not 2026-03-10T10:15:05Z");
    }

    @Test
    void aSilenceIsExactlyOneKind() {
        assertThat(SilenceAlertCommand.until(ALERT, "alice", AT.plusSeconds(60), " ", AT)
                        .reason())
                .isNull();
        assertThat(SilenceAlertCommand.untilResolved(ALERT, "alice", "on it", AT)
                        .untilResolved())
                .isTrue();
        assertThat(SilenceAlertCommand.during(ALERT, "alice", NIGHTLY, null, AT).window())
                .isEqualTo(NIGHTLY);

        assertThatThrownBy(() -> new SilenceAlertCommand(ALERT, "alice", null, false, null, null, AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a silence needs exactly one of until, untilResolved or window, not 0");
        assertThatThrownBy(() -> new SilenceAlertCommand(ALERT, "alice", AT.plusSeconds(60), true, NIGHTLY, null, AT))
                .hasMessage("a silence needs exactly one of until, untilResolved or window, not 3");
    }

    @Test
    void cannotSilenceUntilATimeThatIsNotInTheFuture() {
        assertThatThrownBy(() -> SilenceAlertCommand.until(ALERT, "alice", AT, null, AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "silence until 2026-03-10T10:15:00Z is not after the time of silencing 2026-03-10T10:15:00Z");
    }

    @Test
    void operatorCommandsNameWhoAndWhen() {
        assertThatThrownBy(() -> new AcknowledgeAlertCommand(ALERT, "", null, AT))
                .hasMessage("by must not be blank");
        assertThatThrownBy(() -> new ResolveAlertCommand(ALERT, "alice", null, null))
                .hasMessage("at is required");
        assertThatThrownBy(() -> new UnsilenceAlertCommand(ALERT, null, AT)).hasMessage("by must not be blank");
    }

    @Test
    void anObservationIsWithinItsRanges() {
        assertThatThrownBy(() -> new Observation(1, 2, "last_month", 0.5, 50, 1))
                .hasMessage("reference must be previous_minute, yesterday, last_week or baseline, not last_month");
        assertThatThrownBy(() -> new Observation(1, 2, Observation.YESTERDAY, 1.5, 50, 1))
                .hasMessage("pValue must be between 0 and 1, not 1.5");
        assertThatThrownBy(() -> new Observation(1, 2, Observation.YESTERDAY, 0.5, 101, 1))
                .hasMessage("score must be between 0 and 100, not 101.0");
        assertThatThrownBy(() -> new Observation(1, 2, Observation.YESTERDAY, 0.5, 50, -1))
                .hasMessage("volume must not be negative, not -1");
    }
}
