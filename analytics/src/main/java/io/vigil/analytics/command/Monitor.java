package io.vigil.analytics.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.vigil.analytics.api.ChangeMonitorCommand;
import io.vigil.analytics.api.CreateMonitorCommand;
import io.vigil.analytics.api.DeleteMonitorCommand;
import io.vigil.analytics.api.MonitorChangedEvent;
import io.vigil.analytics.api.MonitorCreatedEvent;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorDeletedEvent;
import io.vigil.analytics.api.MonitorPausedEvent;
import io.vigil.analytics.api.MonitorRejectedException;
import io.vigil.analytics.api.MonitorResumedEvent;
import io.vigil.analytics.api.PauseMonitorCommand;
import io.vigil.analytics.api.ResumeMonitorCommand;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A monitor's definition and life: created, changed, paused, resumed, deleted. Evaluation reads the monitors
 * projection; this aggregate only guards the rules of changing them.
 */
@Aggregate
class Monitor {

    @AggregateIdentifier
    private String monitorId;

    private MonitorDefinition definition;
    private boolean paused;
    private boolean deleted;

    Monitor() {
        // for Axon
    }

    @CommandHandler
    Monitor(CreateMonitorCommand command) {
        requireValid(command.monitorId(), command.definition());
        apply(new MonitorCreatedEvent(command.monitorId(), command.definition(), command.by(), now()));
    }

    @CommandHandler
    void handle(ChangeMonitorCommand command) {
        requireNotDeleted();
        requireValid(monitorId, command.definition());
        if (!command.definition().equals(definition)) {
            apply(new MonitorChangedEvent(monitorId, command.definition(), command.by(), now()));
        }
    }

    @CommandHandler
    void handle(PauseMonitorCommand command) {
        requireNotDeleted();
        if (!paused) {
            apply(new MonitorPausedEvent(monitorId, command.by(), now()));
        }
    }

    @CommandHandler
    void handle(ResumeMonitorCommand command) {
        requireNotDeleted();
        if (paused) {
            apply(new MonitorResumedEvent(monitorId, command.by(), now()));
        }
    }

    @CommandHandler
    void handle(DeleteMonitorCommand command) {
        if (!deleted) {
            apply(new MonitorDeletedEvent(monitorId, command.by(), now()));
        }
    }

    @EventSourcingHandler
    void on(MonitorCreatedEvent event) {
        monitorId = event.monitorId();
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(MonitorChangedEvent event) {
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(MonitorPausedEvent event) {
        paused = true;
    }

    @EventSourcingHandler
    void on(MonitorResumedEvent event) {
        paused = false;
    }

    @EventSourcingHandler
    void on(MonitorDeletedEvent event) {
        deleted = true;
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw new MonitorRejectedException(List.of("monitor " + monitorId + " was deleted"));
        }
    }

    private static void requireValid(String monitorId, MonitorDefinition definition) {
        if (monitorId == null || !monitorId.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new MonitorRejectedException(
                    List.of("monitor id must be 1-64 characters of letters, digits and . _ : -"));
        }
        if (definition == null) {
            throw new MonitorRejectedException(List.of("definition is required"));
        }
        List<String> problems = definition.problems();
        if (!problems.isEmpty()) {
            throw new MonitorRejectedException(problems);
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
