package io.vigil.patterns.rest;

import io.vigil.patterns.api.BacktestResult;
import io.vigil.patterns.api.CancelPatternBacktestCommand;
import io.vigil.patterns.api.FindPatternBacktestQuery;
import io.vigil.patterns.api.FindPatternBacktestsQuery;
import io.vigil.patterns.api.FindPatternQuery;
import io.vigil.patterns.api.PatternBacktest;
import io.vigil.patterns.api.PatternBacktests;
import io.vigil.patterns.api.PatternDetails;
import io.vigil.patterns.api.PatternInvalidException;
import io.vigil.patterns.api.PatternRules;
import io.vigil.patterns.api.StartPatternBacktestCommand;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backtests of a pattern over the API: a run over a time range of recorded transactions starts in the background
 * ({@code 202} with its {@code Location}), is read while it runs and after (progress, then the hits, precision and
 * recall against the labels, money caught and wrongly stopped, the change in the decision mix), and can be
 * cancelled. The runs are kept with the pattern (docs/patterns.md, "Backtests").
 */
@RestController
@RequestMapping(path = "/api/v1/patterns/{id}/backtests", produces = MediaType.APPLICATION_JSON_VALUE)
class PatternBacktestController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    PatternBacktestController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * The body: {@code from} and {@code to} (ISO-8601 instants, the range's start inclusive and end exclusive),
     * optionally a published {@code version} to test instead of the draft, or an {@code expression} (and
     * {@code effect}) to test instead of the pattern's own.
     */
    record StartRequest(String from, String to, Integer version, String expression, String effect) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Run> start(@PathVariable String id, @RequestBody StartRequest request) {
        pattern(id);
        List<String> problems = new ArrayList<>();
        Instant from = instant("from", request.from(), problems);
        Instant to = instant("to", request.to(), problems);
        if (!problems.isEmpty()) {
            throw new PatternInvalidException(problems);
        }
        String runId = "bt-" + UUID.randomUUID();
        PatternBacktest run = commands.sendAndWait(new StartPatternBacktestCommand(
                runId, id, request.version(), blankToNull(request.expression()), request.effect(), from, to));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/patterns/" + id + "/backtests/" + runId))
                .body(Run.of(run));
    }

    /** The runs kept with the pattern, newest first. */
    @GetMapping
    Runs list(@PathVariable String id) {
        pattern(id);
        PatternBacktests runs = queries.query(
                        new FindPatternBacktestsQuery(id), ResponseTypes.instanceOf(PatternBacktests.class))
                .join();
        return new Runs(runs.runs().stream().map(Run::of).toList());
    }

    @GetMapping("/{runId}")
    Run get(@PathVariable String id, @PathVariable String runId) {
        pattern(id);
        return Run.of(find(id, runId));
    }

    /** Cancels a running backtest: {@code 202} with the run, which stops within about a second. */
    @DeleteMapping("/{runId}")
    ResponseEntity<Run> cancel(@PathVariable String id, @PathVariable String runId) {
        pattern(id);
        find(id, runId);
        commands.sendAndWait(new CancelPatternBacktestCommand(id, runId));
        return ResponseEntity.accepted().body(Run.of(find(id, runId)));
    }

    private PatternBacktest find(String id, String runId) {
        return queries.query(
                        new FindPatternBacktestQuery(id, runId),
                        ResponseTypes.optionalInstanceOf(PatternBacktest.class))
                .join()
                .orElseThrow(() -> new PatternNotFoundException(id + " has no backtest " + runId, true));
    }

    private void pattern(String id) {
        if (PatternRules.idProblem(id) != null
                || queries.query(new FindPatternQuery(id), ResponseTypes.optionalInstanceOf(PatternDetails.class))
                        .join()
                        .isEmpty()) {
            throw new PatternNotFoundException(id.length() > 64 ? id.substring(0, 64) + "…" : id);
        }
    }

    private static Instant instant(String field, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required: an ISO-8601 instant such as 2026-11-23T00:00:00Z");
            return null;
        }
        try {
            if (value.length() > 64) {
                throw new DateTimeParseException("too long", value.substring(0, 64), 64);
            }
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(field + " must be an ISO-8601 instant such as 2026-11-23T00:00:00Z");
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The runs of a pattern. */
    record Runs(List<Run> runs) {}

    /** A run as the API shows it: status in lower case, and the change in the decision mix spelled out. */
    record Run(
            String runId,
            String patternId,
            Integer version,
            String subject,
            String expression,
            String effect,
            Instant from,
            Instant to,
            String status,
            double progress,
            String requestedBy,
            Instant startedAt,
            Instant finishedAt,
            BacktestResult result,
            BacktestResult.DecisionMix decisionChange,
            String error) {

        static Run of(PatternBacktest b) {
            return new Run(
                    b.runId(),
                    b.patternId(),
                    b.version(),
                    b.subject(),
                    b.expression(),
                    b.effect(),
                    b.from(),
                    b.to(),
                    b.status().name().toLowerCase(Locale.ROOT),
                    b.progress(),
                    b.requestedBy(),
                    b.startedAt(),
                    b.finishedAt(),
                    b.result(),
                    b.result() == null ? null : b.result().decisionChange(),
                    b.error());
        }
    }
}
