package io.vigil.web.series;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.analytics.api.Breakdown;
import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.FindBreakdownQuery;
import io.vigil.analytics.api.FindMonitorsQuery;
import io.vigil.analytics.api.MonitorList;
import io.vigil.analytics.api.MonitorRejectedException;
import io.vigil.analytics.api.MonitorSummary;
import io.vigil.analytics.api.MonitoringRules;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The drill-down of one series of a monitor: its chart at a minute (the last closed one unless asked), and the same
 * minute split by each dimension the series is not yet narrowed to, which explains what moved. The series is given by
 * one query parameter per dimension ({@code ?merchant=m-1&country=SE}); blank ones are ignored.
 */
@Controller
class SeriesController {

    private static final String PAGE = "series/detail";

    private final QueryGateway queries;
    private final Clock clock;

    SeriesController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/monitors/{id}/series")
    String page(
            @PathVariable String id,
            @RequestParam(required = false) Instant minute,
            @RequestParam Map<String, String> params,
            Model model) {
        fillSeries(id, minute, params, model);
        return PAGE;
    }

    @HxRequest
    @GetMapping("/monitors/{id}/series")
    String content(
            @PathVariable String id,
            @RequestParam(required = false) Instant minute,
            @RequestParam Map<String, String> params,
            Model model) {
        fillSeries(id, minute, params, model);
        return PAGE + " :: content";
    }

    private void fillSeries(String id, Instant minute, Map<String, String> params, Model model) {
        MonitoringRules.monitorId("id", id);
        MonitoringRules.time("minute", minute, clock.instant());
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
                : clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES);
        Map<String, String> series = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            String v = params.get(d.wireName());
            if (v != null && !v.isBlank()) {
                series.put(d.wireName(), MonitoringRules.text(d.wireName(), v, MonitoringRules.MAX_DIMENSION_VALUE));
            }
        }
        List<Breakdown> breakdowns = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            if (!series.containsKey(d.wireName())
                    && !monitor.definition().filter().containsKey(d)) {
                try {
                    breakdowns.add(queries.query(
                                    new FindBreakdownQuery(id, series, at, d.wireName()),
                                    ResponseTypes.instanceOf(Breakdown.class))
                            .join());
                } catch (CompletionException e) {
                    // a dimension with more values than a breakdown may hold: say so, and show the others
                    if (rejection(e) instanceof MonitorRejectedException rejected) {
                        refused.add(d.wireName() + ": " + rejected.getMessage());
                    } else {
                        throw e;
                    }
                }
            }
        }
        model.addAttribute("refusedBreakdowns", refused);
        model.addAttribute("monitor", monitor);
        model.addAttribute("series", series);
        model.addAttribute("minute", at);
        model.addAttribute("chartUrl", chartUrl(id, series, at));
        model.addAttribute("breakdowns", breakdowns);
    }

    private static Throwable rejection(Throwable e) {
        Throwable cause = e;
        while (!(cause instanceof MonitorRejectedException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The chart of the series today, yesterday and last week ({@code /charts/series.png?monitor=…&merchant=…&minute=…}).
     * The monitor id and the dimension values are URI variables, so they are encoded strictly ({@code &}, {@code =},
     * {@code +} included); the minute is an ISO-8601 instant, whose {@code :} may stay as it is in a query.
     */
    private static String chartUrl(String monitorId, Map<String, String> series, Instant minute) {
        UriComponentsBuilder chart =
                UriComponentsBuilder.fromPath("/charts/series.png").queryParam("monitor", "{monitor}");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("monitor", monitorId);
        series.forEach((dimension, value) -> {
            chart.queryParam(dimension, "{" + dimension + "}");
            values.put(dimension, value);
        });
        chart.queryParam("minute", minute.toString());
        return chart.encode().buildAndExpand(values).toUriString();
    }
}
