package io.vigil.analytics.rest;

import io.vigil.analytics.api.AcknowledgeAlertCommand;
import io.vigil.analytics.api.AlertPage;
import io.vigil.analytics.api.DeliveryList;
import io.vigil.analytics.api.FindAlertsQuery;
import io.vigil.analytics.api.FindDeliveriesQuery;
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

    /** {@code state}: open, firing, acknowledged, resolved; {@code q}: text in the monitor name or series. */
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
        return queries.query(
                        new FindAlertsQuery(state, monitor, id, q, from, to, page, size),
                        ResponseTypes.instanceOf(AlertPage.class))
                .join();
    }

    @GetMapping("/deliveries")
    DeliveryList deliveries(@RequestParam(required = false) String id, @RequestParam(defaultValue = "100") int limit) {
        return queries.query(
                        new FindDeliveriesQuery(id, Math.min(Math.max(limit, 1), 1000)),
                        ResponseTypes.instanceOf(DeliveryList.class))
                .join();
    }

    /** An operator's action on one alert. */
    record Action(String alertId, String by, String note, Instant until, Boolean untilResolved, Long minutes) {

        String who() {
            return by == null || by.isBlank() ? "api" : by;
        }
    }

    @PostMapping(path = "/acknowledge", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> acknowledge(@RequestBody Action action) {
        commands.sendAndWait(new AcknowledgeAlertCommand(action.alertId(), action.who(), action.note(), Instant.now()));
        return ResponseEntity.accepted().build();
    }

    @PostMapping(path = "/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> resolve(@RequestBody Action action) {
        commands.sendAndWait(new ResolveAlertCommand(action.alertId(), action.who(), action.note(), Instant.now()));
        return ResponseEntity.accepted().build();
    }

    /** Silences until a time, for a number of minutes, or until the open incident resolves. */
    @PostMapping(path = "/silence", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> silence(@RequestBody Action action) {
        Instant now = Instant.now();
        SilenceAlertCommand command;
        if (Boolean.TRUE.equals(action.untilResolved())) {
            command = SilenceAlertCommand.untilResolved(action.alertId(), action.who(), action.note(), now);
        } else {
            Instant until = action.until() != null
                    ? action.until()
                    : now.plus(Duration.ofMinutes(action.minutes() == null ? 60 : action.minutes()));
            command = SilenceAlertCommand.until(action.alertId(), action.who(), until, action.note(), now);
        }
        commands.sendAndWait(command);
        return ResponseEntity.accepted().build();
    }

    @PostMapping(path = "/unsilence", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> unsilence(@RequestBody Action action) {
        commands.sendAndWait(new UnsilenceAlertCommand(action.alertId(), action.who(), Instant.now()));
        return ResponseEntity.accepted().build();
    }
}
