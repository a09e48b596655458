package io.vigil.web.monitoring;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.analytics.api.AcknowledgeAlertCommand;
import io.vigil.analytics.api.AlertPage;
import io.vigil.analytics.api.AlertStateException;
import io.vigil.analytics.api.BacktestMonitorQuery;
import io.vigil.analytics.api.BacktestResult;
import io.vigil.analytics.api.Breakdown;
import io.vigil.analytics.api.CreateMonitorCommand;
import io.vigil.analytics.api.DeleteMonitorCommand;
import io.vigil.analytics.api.DeliveryList;
import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.FindAlertsQuery;
import io.vigil.analytics.api.FindAnomaliesQuery;
import io.vigil.analytics.api.FindBreakdownQuery;
import io.vigil.analytics.api.FindDeliveriesQuery;
import io.vigil.analytics.api.FindMonitorsQuery;
import io.vigil.analytics.api.MetricKind;
import io.vigil.analytics.api.MonitorAnomalies;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorList;
import io.vigil.analytics.api.MonitorRejectedException;
import io.vigil.analytics.api.MonitorSummary;
import io.vigil.analytics.api.PauseMonitorCommand;
import io.vigil.analytics.api.ResolveAlertCommand;
import io.vigil.analytics.api.ResumeMonitorCommand;
import io.vigil.analytics.api.RetryDeliveryCommand;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.analytics.api.SilenceAlertCommand;
import io.vigil.analytics.api.UnsilenceAlertCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operators' monitoring pages: monitors with the series anomalous now, alerts with their actions, and the
 * drill-down of one series with its chart and the breakdown that explains it.
 */
@Controller
class MonitoringController {

    private static final String CONSOLE_USER = "console";

    private final QueryGateway queries;
    private final CommandGateway commands;

    MonitoringController(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    // ---- monitors

    @GetMapping("/monitors")
    String monitors(Model model) {
        fillMonitors(model);
        model.addAttribute("dimensions", Dimension.values());
        return "monitoring/monitors";
    }

    @HxRequest
    @GetMapping("/monitors")
    String monitorsTable(Model model) {
        fillMonitors(model);
        return "monitoring/monitors :: monitorTable";
    }

    @HxRequest
    @PostMapping("/monitors")
    String create(
            @RequestParam String name,
            @RequestParam String metric,
            @RequestParam String operation,
            @RequestParam(required = false) String toOperation,
            @RequestParam(required = false) List<String> dimensions,
            @RequestParam(defaultValue = "medium") String sensitivity,
            @RequestParam(required = false) String direction,
            @RequestParam(defaultValue = "0") long minVolume,
            Model model) {
        try {
            MetricKind kind = MetricKind.fromWire(metric);
            List<Dimension> dims = new ArrayList<>();
            for (String d : dimensions == null ? List.<String>of() : dimensions) {
                dims.add(Dimension.fromWire(d));
            }
            Direction dir = direction == null || direction.isBlank()
                    ? (kind == MetricKind.COUNT ? Direction.BOTH : Direction.DROP)
                    : Direction.fromWire(direction);
            MonitorDefinition definition = new MonitorDefinition(
                    name,
                    "",
                    kind,
                    operation,
                    toOperation == null || toOperation.isBlank() ? null : toOperation,
                    dims,
                    Map.of(),
                    dir,
                    Sensitivity.fromWire(sensitivity),
                    minVolume);
            String id = "mon-" + UUID.randomUUID().toString().substring(0, 8);
            commands.sendAndWait(new CreateMonitorCommand(id, definition, CONSOLE_USER));
            model.addAttribute("message", "Monitor \"" + name + "\" created; it is evaluated from the next minute.");
        } catch (MonitorRejectedException e) {
            model.addAttribute("error", "The monitor was not created: " + String.join("; ", e.problems()) + ".");
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", "The monitor was not created: " + e.getMessage());
        }
        fillMonitors(model);
        return "monitoring/monitors :: monitorTable";
    }

    @HxRequest
    @PostMapping("/monitors/{id}/{action}")
    String monitorAction(@PathVariable String id, @PathVariable String action, Model model) {
        Object command = switch (action) {
            case "pause" -> new PauseMonitorCommand(id, CONSOLE_USER);
            case "resume" -> new ResumeMonitorCommand(id, CONSOLE_USER);
            case "delete" -> new DeleteMonitorCommand(id, CONSOLE_USER);
            default -> null;
        };
        if (command == null) {
            model.addAttribute("error", "Unknown action " + action);
        } else {
            try {
                commands.sendAndWait(command);
            } catch (MonitorRejectedException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        fillMonitors(model);
        return "monitoring/monitors :: monitorTable";
    }

    /**
     * What a monitor would have raised over the last {@code days} (1 to 7) of stored history, below the monitors.
     * The page form is for a link opened in a new tab; the button asks with htmx and swaps in the section.
     */
    @GetMapping("/monitors/{id}/backtest")
    String backtestPage(@PathVariable String id, @RequestParam(defaultValue = "7") int days, Model model) {
        fillMonitors(model);
        model.addAttribute("dimensions", Dimension.values());
        fillBacktest(id, days, model);
        return "monitoring/monitors";
    }

    @HxRequest
    @GetMapping("/monitors/{id}/backtest")
    String backtest(@PathVariable String id, @RequestParam(defaultValue = "7") int days, Model model) {
        fillBacktest(id, days, model);
        return "monitoring/monitors :: backtest";
    }

    private void fillBacktest(String id, int days, Model model) {
        int span = Math.max(1, Math.min(days, 7));
        Instant to = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        BacktestResult result = queries.query(
                        new BacktestMonitorQuery(id, null, to.minus(Duration.ofDays(span)), to),
                        ResponseTypes.instanceOf(BacktestResult.class))
                .join();
        MonitorList monitor = queries.query(FindMonitorsQuery.one(id), ResponseTypes.instanceOf(MonitorList.class))
                .join();
        model.addAttribute("backtest", result);
        model.addAttribute("backtestDays", span);
        model.addAttribute(
                "backtestName",
                monitor.monitors().isEmpty()
                        ? id
                        : monitor.monitors().get(0).definition().name());
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

    // ---- alerts

    @GetMapping("/alerts")
    String alerts(
            @RequestParam(defaultValue = "open") String state,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        fillAlerts(model, state, q, page);
        return "monitoring/alerts";
    }

    @HxRequest
    @GetMapping("/alerts")
    String alertsTable(
            @RequestParam(defaultValue = "open") String state,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        fillAlerts(model, state, q, page);
        return "monitoring/alerts :: table";
    }

    @HxRequest
    @PostMapping("/alerts/action")
    String alertAction(
            @RequestParam String alertId,
            @RequestParam String action,
            @RequestParam(defaultValue = "open") String state,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String deliveryId,
            Model model) {
        Instant now = Instant.now();
        try {
            switch (action) {
                case "acknowledge" ->
                    commands.sendAndWait(new AcknowledgeAlertCommand(alertId, CONSOLE_USER, null, now));
                case "resolve" -> commands.sendAndWait(new ResolveAlertCommand(alertId, CONSOLE_USER, null, now));
                case "silence-1h" ->
                    commands.sendAndWait(
                            SilenceAlertCommand.until(alertId, CONSOLE_USER, now.plus(Duration.ofHours(1)), null, now));
                case "silence-resolved" ->
                    commands.sendAndWait(SilenceAlertCommand.untilResolved(alertId, CONSOLE_USER, null, now));
                case "unsilence" -> commands.sendAndWait(new UnsilenceAlertCommand(alertId, CONSOLE_USER, now));
                case "retry" -> commands.sendAndWait(new RetryDeliveryCommand(deliveryId));
                default -> model.addAttribute("error", "Unknown action " + action);
            }
        } catch (AlertStateException | IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        fillAlerts(model, state, q, 0);
        return "monitoring/alerts :: table";
    }

    private void fillAlerts(Model model, String state, String q, int page) {
        String filter = state.equals("all") ? null : state;
        AlertPage alerts = queries.query(
                        new FindAlertsQuery(filter, null, null, q, null, null, page, 50),
                        ResponseTypes.instanceOf(AlertPage.class))
                .join();
        DeliveryList deliveries = queries.query(
                        new FindDeliveriesQuery(null, 20), ResponseTypes.instanceOf(DeliveryList.class))
                .join();
        model.addAttribute("alerts", alerts);
        model.addAttribute("deliveries", deliveries.deliveries());
        model.addAttribute("state", state);
        model.addAttribute("q", q == null ? "" : q);
    }

    // ---- drill-down

    @GetMapping("/monitors/{id}/series")
    String series(
            @PathVariable String id,
            @RequestParam(required = false) Instant minute,
            @RequestParam Map<String, String> params,
            Model model) {
        fillSeries(id, minute, params, model);
        return "monitoring/series";
    }

    @HxRequest
    @GetMapping("/monitors/{id}/series")
    String seriesContent(
            @PathVariable String id,
            @RequestParam(required = false) Instant minute,
            @RequestParam Map<String, String> params,
            Model model) {
        fillSeries(id, minute, params, model);
        return "monitoring/series :: content";
    }

    private void fillSeries(String id, Instant minute, Map<String, String> params, Model model) {
        MonitorSummary monitor = queries.query(FindMonitorsQuery.one(id), ResponseTypes.instanceOf(MonitorList.class))
                .join()
                .first()
                .orElse(null);
        if (monitor == null) {
            model.addAttribute("error", "There is no monitor " + id + ".");
            return;
        }
        Instant at = minute != null
                ? minute.truncatedTo(ChronoUnit.MINUTES)
                : Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES);
        Map<String, String> series = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            String v = params.get(d.wireName());
            if (v != null && !v.isBlank()) {
                series.put(d.wireName(), v);
            }
        }
        List<Breakdown> breakdowns = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            if (!series.containsKey(d.wireName())
                    && !monitor.definition().filter().containsKey(d)) {
                breakdowns.add(queries.query(
                                new FindBreakdownQuery(id, series, at, d.wireName()),
                                ResponseTypes.instanceOf(Breakdown.class))
                        .join());
            }
        }
        StringBuilder chart = new StringBuilder("/charts/series.png?monitor=").append(enc(id));
        series.forEach((k, v) -> chart.append('&').append(enc(k)).append('=').append(enc(v)));
        chart.append("&minute=").append(at);
        model.addAttribute("monitor", monitor);
        model.addAttribute("series", series);
        model.addAttribute("minute", at);
        model.addAttribute("chartUrl", chart.toString());
        model.addAttribute("breakdowns", breakdowns);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
