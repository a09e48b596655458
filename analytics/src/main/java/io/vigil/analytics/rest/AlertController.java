package io.vigil.analytics.rest;

import io.vigil.analytics.api.AcknowledgeAlertCommand;
import io.vigil.analytics.api.AlertPage;
import io.vigil.analytics.api.AlertStateException;
import io.vigil.analytics.api.AlertSummary;
import io.vigil.analytics.api.AlertVerdict;
import io.vigil.analytics.api.DeliveryList;
import io.vigil.analytics.api.FindAlertsQuery;
import io.vigil.analytics.api.FindDeliveriesQuery;
import io.vigil.analytics.api.MarkAlertCommand;
import io.vigil.analytics.api.MonitoringRules;
import io.vigil.analytics.api.ResolveAlertCommand;
import io.vigil.analytics.api.SilenceAlertCommand;
import io.vigil.analytics.api.UnsilenceAlertCommand;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts over the API: the searchable history, and the operator's actions. Alert ids contain a slash (monitor id /
 * series hash), so actions take the id in the body rather than the path.
 */
@RestController
@RequestMapping(path = "/api/v1/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
class AlertController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    AlertController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * {@code state}: open, firing, acknowledged, resolved, or left out for all; {@code q}: text in the monitor name or
     * series. Every parameter is checked ({@link MonitoringRules}): a value out of range is a 400 naming it.
     */
    @GetMapping
    AlertPage list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String monitor,
            @RequestParam(required = false) String id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Instant now = Instant.now();
        MonitoringRules.alertState(state);
        MonitoringRules.text("monitor", monitor, MonitoringRules.MAX_ALERT_ID);
        MonitoringRules.text("id", id, MonitoringRules.MAX_ALERT_ID);
        MonitoringRules.text("q", q, MonitoringRules.MAX_SEARCH);
        MonitoringRules.time("from", from, now);
        MonitoringRules.time("to", to, now);
        MonitoringRules.range("page", page, 0, MonitoringRules.MAX_PAGE);
        MonitoringRules.range("size", size, 1, MonitoringRules.MAX_PAGE_SIZE);
        return queries.query(
                        new FindAlertsQuery(state, monitor, id, q, from, to, page, size),
                        ResponseTypes.instanceOf(AlertPage.class))
                .join();
    }

    @GetMapping("/deliveries")
    DeliveryList deliveries(@RequestParam(required = false) String id, @RequestParam(defaultValue = "100") int limit) {
        MonitoringRules.text("id", id, MonitoringRules.MAX_ALERT_ID);
        MonitoringRules.range("limit", limit, 1, MonitoringRules.MAX_DELIVERIES);
        return queries.query(new FindDeliveriesQuery(id, limit), ResponseTypes.instanceOf(DeliveryList.class))
                .join();
    }

    /**
     * An operator's action on one alert. {@code by} (who, {@code api} when left out), {@code note} and the silence's
     * {@code until} or {@code minutes} are checked by the commands ({@link MonitoringRules}).
     */
    record Action(
            String alertId,
            String by,
            String note,
            Instant until,
            Boolean untilResolved,
            Long minutes,
            Integer incident,
            String verdict) {

        /**
         * Checks the note under the client's name for it (a silence's command calls it the reason); the commands
         * check the rest.
         */
        Action checked() {
            MonitoringRules.freeText("note", note, MonitoringRules.MAX_NOTE);
            return this;
        }

        String who() {
            return by == null || by.isBlank() ? "api" : by;
        }
    }

    @PostMapping(path = "/acknowledge", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> acknowledge(@RequestBody Action action) {
        action.checked();
        commands.sendAndWait(new AcknowledgeAlertCommand(action.alertId(), action.who(), action.note(), Instant.now()));
        return ResponseEntity.accepted().build();
    }

    @PostMapping(path = "/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> resolve(@RequestBody Action action) {
        action.checked();
        commands.sendAndWait(new ResolveAlertCommand(action.alertId(), action.who(), action.note(), Instant.now()));
        return ResponseEntity.accepted().build();
    }

    /** Silences until a time, for a number of minutes, or until the open incident resolves. */
    @PostMapping(path = "/silence", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> silence(@RequestBody Action action) {
        action.checked();
        Instant now = Instant.now();
        SilenceAlertCommand command;
        if (Boolean.TRUE.equals(action.untilResolved())) {
            command = SilenceAlertCommand.untilResolved(action.alertId(), action.who(), action.note(), now);
        } else {
            if (action.until() != null && action.minutes() != null) {
                throw new IllegalArgumentException("minutes cannot be given with until");
            }
            long minutes = action.minutes() == null ? 60 : action.minutes();
            MonitoringRules.range("minutes", minutes, 1, MonitoringRules.MAX_SILENCE.toMinutes());
            Instant until = action.until() != null ? action.until() : now.plus(Duration.ofMinutes(minutes));
            command = SilenceAlertCommand.until(action.alertId(), action.who(), until, action.note(), now);
        }
        commands.sendAndWait(command);
        return ResponseEntity.accepted().build();
    }

    /**
     * Marks one incident of an alert, open or past, as a real {@code incident} or {@code not_an_incident}; the
     * latest incident when {@code incident} is left out.
     */
    @PostMapping(path = "/mark", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> mark(@RequestBody Action action) {
        action.checked();
        int incident = action.incident() != null ? action.incident() : latestIncident(action.alertId());
        commands.sendAndWait(new MarkAlertCommand(
                action.alertId(),
                incident,
                AlertVerdict.fromWire(action.verdict()),
                action.who(),
                action.note(),
                Instant.now()));
        return ResponseEntity.accepted().build();
    }

    private int latestIncident(String alertId) {
        MonitoringRules.text("alertId", alertId, MonitoringRules.MAX_ALERT_ID);
        return queries
                .query(FindAlertsQuery.incidentsOf(alertId), ResponseTypes.instanceOf(AlertPage.class))
                .join()
                .alerts()
                .stream()
                .mapToInt(AlertSummary::incident)
                .max()
                .orElseThrow(() -> new AlertStateException(alertId, "has no incident to mark"));
    }

    @PostMapping(path = "/unsilence", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> unsilence(@RequestBody Action action) {
        action.checked();
        commands.sendAndWait(new UnsilenceAlertCommand(action.alertId(), action.who(), Instant.now()));
        return ResponseEntity.accepted().build();
    }
}
