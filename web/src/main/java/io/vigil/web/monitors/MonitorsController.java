package io.vigil.web.monitors;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.analytics.api.BacktestMonitorQuery;
import io.vigil.analytics.api.BacktestResult;
import io.vigil.analytics.api.CreateMonitorCommand;
import io.vigil.analytics.api.DeleteMonitorCommand;
import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.FindAnomaliesQuery;
import io.vigil.analytics.api.FindMonitorsQuery;
import io.vigil.analytics.api.MonitorAnomalies;
import io.vigil.analytics.api.MonitorId;
import io.vigil.analytics.api.MonitorList;
import io.vigil.analytics.api.MonitorRejectedException;
import io.vigil.analytics.api.MonitorSummary;
import io.vigil.analytics.api.MonitoringRules;
import io.vigil.analytics.api.PauseMonitorCommand;
import io.vigil.analytics.api.ResumeMonitorCommand;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
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
 * The monitors page: the series anomalous now, every monitor with its buttons, the new-monitor form and the backtest
 * of one monitor. Each action has its own URL; through htmx it answers the monitors fragment, without htmx it
 * redirects to the page with its message.
 */
@Controller
@RequestMapping("/monitors")
class MonitorsController {

    private static final String PAGE = "monitors/list";
    private static final String TABLE = PAGE + " :: monitorTable";
    private static final String REDIRECT = "redirect:/monitors";

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;

    MonitorsController(QueryGateway queries, CommandGateway commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    String page(Model model) {
        fillMonitors(model);
        model.addAttribute("dimensions", Dimension.values());
        return PAGE;
    }

    @HxRequest
    @GetMapping
    String table(Model model) {
        fillMonitors(model);
        return TABLE;
    }

    @PostMapping
    String create(MonitorForm form, Principal user, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        Outcome outcome;
        try {
            commands.sendAndWait(
                    new CreateMonitorCommand(MonitorId.next(), form.draft().withDefaults(), user.getName()));
            outcome = Outcome.message("Monitor \"" + form.name() + "\" created; it is evaluated from the next minute.");
        } catch (MonitorRejectedException e) {
            outcome = Outcome.error("The monitor was not created: " + String.join("; ", e.problems()) + ".");
        } catch (IllegalArgumentException e) {
            outcome = Outcome.error("The monitor was not created: " + e.getMessage());
        }
        return answer(outcome, htmx, model, redirect);
    }

    @PostMapping("/{id}/pause")
    String pause(@PathVariable String id, Principal user, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        return answer(send(new PauseMonitorCommand(id, user.getName())), htmx, model, redirect);
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable String id, Principal user, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        return answer(send(new ResumeMonitorCommand(id, user.getName())), htmx, model, redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, Principal user, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        return answer(send(new DeleteMonitorCommand(id, user.getName())), htmx, model, redirect);
    }

    /**
     * What a monitor would have raised over the last {@code days} (1 to 7) of stored history, below the monitors.
     * The page form is for a link opened in a new tab; the button asks with htmx and swaps in the section.
     */
    @GetMapping("/{id}/backtest")
    String backtestPage(@PathVariable String id, @RequestParam(defaultValue = "7") int days, Model model) {
        fillMonitors(model);
        model.addAttribute("dimensions", Dimension.values());
        fillBacktest(id, days, model);
        return PAGE;
    }

    @HxRequest
    @GetMapping("/{id}/backtest")
    String backtest(@PathVariable String id, @RequestParam(defaultValue = "7") int days, Model model) {
        fillBacktest(id, days, model);
        return PAGE + " :: backtest";
    }

    /** What an action leaves to say: a message, an error, or nothing. */
    private record Outcome(String message, String error) {

        static final Outcome DONE = new Outcome(null, null);

        static Outcome message(String message) {
            return new Outcome(message, null);
        }

        static Outcome error(String error) {
            return new Outcome(null, error);
        }

        void addTo(BiConsumer<String, Object> attributes) {
            if (message != null) {
                attributes.accept("message", message);
            }
            if (error != null) {
                attributes.accept("error", error);
            }
        }
    }

    private Outcome send(Object command) {
        try {
            commands.sendAndWait(command);
            return Outcome.DONE;
        } catch (MonitorRejectedException e) {
            return Outcome.error(e.getMessage());
        }
    }

    /** Through htmx, the monitors fragment with the outcome; otherwise back to the page, the outcome flashed. */
    private String answer(Outcome outcome, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        if (!htmx.isHtmxRequest()) {
            outcome.addTo(redirect::addFlashAttribute);
            return REDIRECT;
        }
        outcome.addTo(model::addAttribute);
        fillMonitors(model);
        return TABLE;
    }

    private void fillBacktest(String id, int days, Model model) {
        int span = Math.max(1, Math.min(days, MonitoringRules.MAX_BACKTEST_DAYS));
        Instant to = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        BacktestResult result = queries.query(
                        new BacktestMonitorQuery(id, null, to.minus(Duration.ofDays(span)), to),
                        ResponseTypes.instanceOf(BacktestResult.class))
                .join();
        MonitorList monitor = queries.query(FindMonitorsQuery.one(id), ResponseTypes.instanceOf(MonitorList.class))
                .join();
        model.addAttribute("backtest", result);
        model.addAttribute("backtestDays", span);
        model.addAttribute(
                "backtestName", monitor.first().map(m -> m.definition().name()).orElse(id));
    }

    private void fillMonitors(Model model) {
        MonitorList monitors = queries.query(FindMonitorsQuery.all(), ResponseTypes.instanceOf(MonitorList.class))
                .join();
        MonitorAnomalies anomalies = queries.query(
                        new FindAnomaliesQuery(), ResponseTypes.instanceOf(MonitorAnomalies.class))
                .join();
        Map<String, String> names = new LinkedHashMap<>();
        for (MonitorSummary m : monitors.monitors()) {
            names.put(m.monitorId(), m.definition().name());
        }
        model.addAttribute("monitors", monitors.monitors());
        model.addAttribute("anomalies", anomalies);
        model.addAttribute("names", names);
    }
}
