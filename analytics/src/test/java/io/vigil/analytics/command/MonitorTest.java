package io.vigil.analytics.command;

import io.vigil.analytics.api.ChangeMonitorCommand;
import io.vigil.analytics.api.CreateMonitorCommand;
import io.vigil.analytics.api.DeleteMonitorCommand;
import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.MaintenanceWindow;
import io.vigil.analytics.api.MetricKind;
import io.vigil.analytics.api.MonitorChangedEvent;
import io.vigil.analytics.api.MonitorCreatedEvent;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorDeletedEvent;
import io.vigil.analytics.api.MonitorPausedEvent;
import io.vigil.analytics.api.MonitorRejectedException;
import io.vigil.analytics.api.MonitorResumedEvent;
import io.vigil.analytics.api.PauseMonitorCommand;
import io.vigil.analytics.api.ResumeMonitorCommand;
import io.vigil.analytics.api.Sensitivity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MonitorTest {

    private static final MonitorDefinition AUTH = new MonitorDefinition(
            "Authorization success",
            "",
            MetricKind.CONVERSION,
            "authorization",
            null,
            List.of(Dimension.MERCHANT, Dimension.COUNTRY),
            Map.of(),
            Direction.DROP,
            Sensitivity.MEDIUM,
            0);

    private AggregateTestFixture<Monitor> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Monitor.class);
        now = fixture.currentTime();
    }

    @Test
    void canCreateAMonitor() {
        fixture.givenNoPriorActivity()
                .when(new CreateMonitorCommand("mon-1", AUTH, "ann"))
                .expectEvents(new MonitorCreatedEvent("mon-1", AUTH, "ann", now));
    }

    @Test
    void cannotCreateAMonitorWithAnInvalidDefinition() {
        MonitorDefinition funnelWithoutTarget = new MonitorDefinition(
                "Funnel",
                "",
                MetricKind.FUNNEL,
                "session",
                null,
                List.of(Dimension.MERCHANT),
                Map.of(),
                Direction.DROP,
                Sensitivity.MEDIUM,
                0);
        fixture.givenNoPriorActivity()
                .when(new CreateMonitorCommand("mon-1", funnelWithoutTarget, "ann"))
                .expectException(MonitorRejectedException.class)
                .expectExceptionMessage(
                        "a funnel needs toOperation, one of session, authorization, order, model, model_shadow")
                .expectNoEvents();
    }

    @Test
    void canChangeAMonitorWithMaintenanceWindows() {
        MonitorDefinition withWindow = new MonitorDefinition(
                "Authorization success",
                "",
                MetricKind.CONVERSION,
                "authorization",
                null,
                List.of(Dimension.MERCHANT, Dimension.COUNTRY),
                Map.of(),
                Direction.DROP,
                Sensitivity.HIGH,
                0,
                List.of(new MaintenanceWindow(
                        Set.of(DayOfWeek.SUNDAY),
                        LocalTime.of(2, 0),
                        Duration.ofHours(2),
                        ZoneId.of("Europe/Stockholm"),
                        "PSP maintenance")));
        fixture.given(new MonitorCreatedEvent("mon-1", AUTH, "ann", now))
                .when(new ChangeMonitorCommand("mon-1", withWindow, "bob"))
                .expectEvents(new MonitorChangedEvent("mon-1", withWindow, "bob", now));
    }

    @Test
    void changingToTheSameDefinitionRecordsNothing() {
        fixture.given(new MonitorCreatedEvent("mon-1", AUTH, "ann", now))
                .when(new ChangeMonitorCommand("mon-1", AUTH, "bob"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void canPauseAndResume() {
        fixture.given(new MonitorCreatedEvent("mon-1", AUTH, "ann", now))
                .when(new PauseMonitorCommand("mon-1", "bob"))
                .expectEvents(new MonitorPausedEvent("mon-1", "bob", now));
        fixture.given(new MonitorCreatedEvent("mon-1", AUTH, "ann", now), new MonitorPausedEvent("mon-1", "bob", now))
                .when(new ResumeMonitorCommand("mon-1", "bob"))
                .expectEvents(new MonitorResumedEvent("mon-1", "bob", now));
    }

    @Test
    void cannotChangeADeletedMonitor() {
        fixture.given(new MonitorCreatedEvent("mon-1", AUTH, "ann", now), new MonitorDeletedEvent("mon-1", "bob", now))
                .when(new PauseMonitorCommand("mon-1", "ann"))
                .expectException(MonitorRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void deletingTwiceRecordsOnce() {
        fixture.given(new MonitorCreatedEvent("mon-1", AUTH, "ann", now), new MonitorDeletedEvent("mon-1", "bob", now))
                .when(new DeleteMonitorCommand("mon-1", "bob"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
