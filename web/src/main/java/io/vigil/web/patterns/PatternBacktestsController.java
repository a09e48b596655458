package io.vigil.web.patterns;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.vigil.patterns.api.BacktestStatus;
import io.vigil.patterns.api.CancelPatternBacktestCommand;
import io.vigil.patterns.api.FindPatternBacktestQuery;
import io.vigil.patterns.api.FindPatternBacktestsQuery;
import io.vigil.patterns.api.FindPatternQuery;
import io.vigil.patterns.api.PatternBacktest;
import io.vigil.patterns.api.PatternBacktestBusyException;
import io.vigil.patterns.api.PatternBacktests;
import io.vigil.patterns.api.PatternDetails;
import io.vigil.patterns.api.StartPatternBacktestCommand;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A pattern's backtests in the console (analysts and up): the form that starts one over a time range (the last 24
 * hours unless chosen), the runs kept with the pattern, and one run with its progress (polled through htmx every
 * second while it runs), a cancel button, and its results. The pattern's page loads the form and the runs through
 * htmx; without JavaScript they are a page of their own.
 */
@Controller
@RequestMapping("/patterns/{id}/backtests")
class PatternBacktestsController {

    static final String RUNS = "patterns/backtests";
    static final String RUN = "patterns/backtest";
    /** The htmx event on which the list of runs reloads itself. */
    static final String CHANGED = "backtests-changed";

    private static final String HX_TRIGGER = "HX-Trigger";

    private final QueryGateway queries;
    private final PatternCommands commands;
    private final Clock clock;

    PatternBacktestsController(QueryGateway queries, CommandGateway commands, Clock clock) {
        this.queries = queries;
        this.commands = new PatternCommands(commands);
        this.clock = clock;
    }

    @GetMapping
    String runs(@PathVariable String id, HtmxRequest htmx, Model model, HttpServletResponse response) {
        if (!fillRuns(id, model)) {
            return PatternPages.notFound(id, htmx.isHtmxRequest(), model, response);
        }
        return htmx.isHtmxRequest() ? RUNS + " :: backtests" : RUNS;
    }

    /**
     * The runs kept with the pattern alone: what the list reloads when htmx tells it that a run started, finished or
     * was cancelled ({@value #CHANGED}).
     */
    @GetMapping("/runs")
    String runList(@PathVariable String id, HtmxRequest htmx, Model model, HttpServletResponse response) {
        if (!fillRuns(id, model)) {
            return PatternPages.notFound(id, htmx.isHtmxRequest(), model, response);
        }
        return htmx.isHtmxRequest() ? RUNS + " :: runs" : RUNS;
    }

    @GetMapping("/{runId}")
    String run(
            @PathVariable String id,
            @PathVariable String runId,
            HtmxRequest htmx,
            Model model,
            HttpServletResponse response) {
        Optional<PatternBacktest> run = find(id, runId);
        if (run.isEmpty()) {
            model.addAttribute("message", "The pattern " + id + " has no backtest " + runId + ".");
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return htmx.isHtmxRequest() ? "error/console :: message" : "error/console";
        }
        model.addAttribute("patternId", id);
        model.addAttribute("run", run.get());
        if (htmx.isHtmxRequest() && run.get().status() != BacktestStatus.RUNNING) {
            response.setHeader(HX_TRIGGER, CHANGED); // the last poll of a run: the list of runs shows how it ended
        }
        return htmx.isHtmxRequest() ? RUN + " :: run" : RUN;
    }

    /**
     * Starts a backtest.
     *
     * @param from the range's start, {@code 2026-11-23T10:00} (as a date-time field sends it, in UTC) or an instant
     * @param to its end
     */
    @PostMapping
    String start(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        String runId = "bt-" + UUID.randomUUID();
        String error;
        try {
            error = commands.send(
                    id,
                    new StartPatternBacktestCommand(runId, id, null, null, null, time("from", from), time("to", to)),
                    "The backtest was not started");
        } catch (IllegalArgumentException | PatternBacktestBusyException e) {
            error = "The backtest was not started: " + e.getMessage() + ".";
        }
        if (error != null) {
            if (!htmx.isHtmxRequest()) {
                redirect.addFlashAttribute("error", error);
                return "redirect:/patterns/" + id + "/backtests";
            }
            model.addAttribute("error", error);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            return runs(id, htmx, model, response);
        }
        if (!htmx.isHtmxRequest()) {
            return "redirect:/patterns/" + id + "/backtests/" + runId;
        }
        response.setHeader(HX_TRIGGER, CHANGED); // the list of runs shows the new one
        return run(id, runId, htmx, model, response);
    }

    @PostMapping("/{runId}/cancel")
    String cancel(
            @PathVariable String id,
            @PathVariable String runId,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        String error = commands.send(id, new CancelPatternBacktestCommand(id, runId), "The backtest was not cancelled");
        if (!htmx.isHtmxRequest()) {
            if (error != null) {
                redirect.addFlashAttribute("error", error);
            }
            return "redirect:/patterns/" + id + "/backtests/" + runId;
        }
        model.addAttribute("error", error);
        return run(id, runId, htmx, model, response);
    }

    /** The form (the last 24 hours unless typed) and the runs kept with the pattern; false when there is no pattern. */
    private boolean fillRuns(String id, Model model) {
        Optional<PatternDetails> pattern = queries.query(
                        new FindPatternQuery(id), ResponseTypes.optionalInstanceOf(PatternDetails.class))
                .join();
        if (pattern.isEmpty()) {
            return false;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        model.addAttribute("patternId", id);
        model.addAttribute("summary", pattern.get().summary());
        if (!model.containsAttribute("from")) {
            model.addAttribute("from", field(now.minus(Duration.ofHours(24))));
        }
        if (!model.containsAttribute("to")) {
            model.addAttribute("to", field(now));
        }
        model.addAttribute(
                "runs",
                queries.query(new FindPatternBacktestsQuery(id), ResponseTypes.instanceOf(PatternBacktests.class))
                        .join()
                        .runs());
        return true;
    }

    private Optional<PatternBacktest> find(String id, String runId) {
        return queries.query(
                        new FindPatternBacktestQuery(id, runId),
                        ResponseTypes.optionalInstanceOf(PatternBacktest.class))
                .join();
    }

    /** A date-time field's value ({@code 2026-11-23T10:00}, in UTC). */
    private static String field(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString();
    }

    /** A date-time field's value read as UTC, or an instant with its offset. */
    static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        String text = value.strip();
        try {
            if (text.length() <= 64 && (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$"))) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a date and time such as 2026-11-23T10:00 (UTC)");
        }
    }
}
