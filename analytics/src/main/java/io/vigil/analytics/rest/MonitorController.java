package io.vigil.analytics.rest;

import io.vigil.analytics.api.BacktestMonitorQuery;
import io.vigil.analytics.api.BacktestResult;
import io.vigil.analytics.api.ChangeMonitorCommand;
import io.vigil.analytics.api.CreateMonitorCommand;
import io.vigil.analytics.api.DeleteMonitorCommand;
import io.vigil.analytics.api.FindMonitorsQuery;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorId;
import io.vigil.analytics.api.MonitorList;
import io.vigil.analytics.api.MonitorRejectedException;
import io.vigil.analytics.api.MonitoringRules;
import io.vigil.analytics.api.PauseMonitorCommand;
import io.vigil.analytics.api.ResumeMonitorCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Monitors over the API: define once, watched for every combination of the dimensions' values. */
@RestController
@RequestMapping(path = "/api/v1/monitors", produces = MediaType.APPLICATION_JSON_VALUE)
class MonitorController {

    private static final String API_USER = "api";

    private final CommandGateway commands;
    private final QueryGateway queries;

    MonitorController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    List<MonitorResponse> list() {
        return find(FindMonitorsQuery.all()).monitors().stream()
                .map(MonitorResponse::of)
                .toList();
    }

    @GetMapping("/{id}")
    MonitorResponse get(@PathVariable String id) {
        requireKnownShape(id);
        return find(FindMonitorsQuery.one(id))
                .first()
                .map(MonitorResponse::of)
                .orElseThrow(() -> new MonitorNotFoundException(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MonitorResponse> create(@RequestBody MonitorRequest request) {
        String id = MonitorId.orNext(MonitoringRules.monitorId("id", request.id()));
        MonitorDefinition definition = request.toDefinition();
        if (find(FindMonitorsQuery.one(id)).first().isPresent()) {
            throw new MonitorRejectedException(List.of("a monitor with id " + id + " exists already"));
        }
        commands.sendAndWait(new CreateMonitorCommand(id, definition, API_USER));
        return ResponseEntity.status(HttpStatus.CREATED).body(get(id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    MonitorResponse change(@PathVariable String id, @RequestBody MonitorRequest request) {
        requireKnownShape(id);
        send(id, new ChangeMonitorCommand(id, request.toDefinition(), API_USER));
        return get(id);
    }

    /**
     * The alerts a monitor would have raised over stored history: {@code ?days=2} (the last N days, up to 7) or
     * {@code ?from=...&to=...}. POST a definition to {@code /api/v1/monitors/backtest} to try one before saving it.
     */
    @GetMapping("/{id}/backtest")
    BacktestResult backtest(
            @PathVariable String id,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "1") int days) {
        get(id);
        return runBacktest(new BacktestMonitorQuery(id, null, rangeFrom(from, to, days), rangeTo(to)));
    }

    @PostMapping(path = "/backtest", consumes = MediaType.APPLICATION_JSON_VALUE)
    BacktestResult backtestDraft(
            @RequestBody MonitorRequest request,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "1") int days) {
        return runBacktest(
                new BacktestMonitorQuery(null, request.toDefinition(), rangeFrom(from, to, days), rangeTo(to)));
    }

    private BacktestResult runBacktest(BacktestMonitorQuery query) {
        BacktestResult result = queries.query(query, ResponseTypes.instanceOf(BacktestResult.class))
                .join();
        if (result.problem() != null) {
            throw new MonitorRejectedException(List.of(result.problem()));
        }
        return result;
    }

    private static Instant rangeTo(Instant to) {
        MonitoringRules.time("to", to, Instant.now());
        return to != null ? to : Instant.now().truncatedTo(ChronoUnit.MINUTES);
    }

    /** The start of a backtest: {@code from}, or {@code days} (1 to 7) before its end; at most 7 days before it. */
    private static Instant rangeFrom(Instant from, Instant to, int days) {
        MonitoringRules.range("days", days, 1, MonitoringRules.MAX_BACKTEST_DAYS);
        MonitoringRules.time("from", from, Instant.now());
        Instant end = rangeTo(to);
        Instant start = from != null ? from : end.minus(Duration.ofDays(days));
        if (!start.isBefore(end)
                || Duration.between(start, end).compareTo(Duration.ofDays(MonitoringRules.MAX_BACKTEST_DAYS)) > 0) {
            throw new IllegalArgumentException(
                    "from must be before to, at most " + MonitoringRules.MAX_BACKTEST_DAYS + " days before it");
        }
        return start;
    }

    /** An id no monitor can have is a 404 before any store is asked. */
    private static void requireKnownShape(String id) {
        if (!MonitoringRules.MONITOR_ID.matcher(id).matches()) {
            throw new MonitorNotFoundException(id.length() > 64 ? id.substring(0, 64) + "…" : id);
        }
    }

    @PostMapping("/{id}/pause")
    MonitorResponse pause(@PathVariable String id) {
        send(id, new PauseMonitorCommand(id, API_USER));
        return get(id);
    }

    @PostMapping("/{id}/resume")
    MonitorResponse resume(@PathVariable String id) {
        send(id, new ResumeMonitorCommand(id, API_USER));
        return get(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        send(id, new DeleteMonitorCommand(id, API_USER));
        return ResponseEntity.noContent().build();
    }

    private void send(String id, Object command) {
        requireKnownShape(id);
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new MonitorNotFoundException(id);
        }
    }

    private MonitorList find(FindMonitorsQuery query) {
        return queries.query(query, ResponseTypes.instanceOf(MonitorList.class)).join();
    }
}
