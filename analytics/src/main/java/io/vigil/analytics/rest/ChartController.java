package io.vigil.analytics.rest;

import io.vigil.analytics.api.AlertPage;
import io.vigil.analytics.api.AlertSummary;
import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.FindAlertsQuery;
import io.vigil.analytics.api.FindSeriesHistoryQuery;
import io.vigil.analytics.api.MonitoringRules;
import io.vigil.analytics.api.SeriesHistory;
import io.vigil.analytics.chart.ChartData;
import io.vigil.analytics.chart.SeriesChart;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Charts as PNG at stable URLs, for notifications (Slack fetches the image) and the console: today against the same
 * minutes yesterday and last week, the anomalous minute marked.
 */
@RestController
class ChartController {

    private static final Set<String> RESERVED = Set.of("monitor", "minute", "minutes", "width", "height");

    private final QueryGateway queries;
    private final SeriesChart chart = new SeriesChart();

    ChartController(QueryGateway queries) {
        this.queries = queries;
    }

    /** The chart of an alert's incident, around the minute that raised it. */
    @GetMapping(path = "/charts/alert.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> alert(@RequestParam String id, @RequestParam(defaultValue = "0") int incident) {
        MonitoringRules.requireText("id", id, MonitoringRules.MAX_ALERT_ID);
        MonitoringRules.range("incident", incident, 0, Integer.MAX_VALUE);
        AlertPage page = queries.query(FindAlertsQuery.incidentsOf(id), ResponseTypes.instanceOf(AlertPage.class))
                .join();
        AlertSummary alert = page.alerts().stream()
                .filter(a -> incident == 0 || a.incident() == incident)
                .findFirst()
                .orElse(null);
        if (alert == null) {
            return ResponseEntity.notFound().build();
        }
        return render(alert.monitorId(), alert.series(), alert.minute(), 90, 800, 320, true);
    }

    /** The chart of any series of a monitor: {@code ?monitor=ID&merchant=m-42&country=SE&minute=...}. */
    @GetMapping(path = "/charts/series.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> series(
            @RequestParam String monitor,
            @RequestParam(required = false) Instant minute,
            @RequestParam(defaultValue = "90") int minutes,
            @RequestParam(defaultValue = "800") int width,
            @RequestParam(defaultValue = "320") int height,
            @RequestParam Map<String, String> all) {
        MonitoringRules.monitorId("monitor", monitor);
        MonitoringRules.time("minute", minute, Instant.now());
        MonitoringRules.range("minutes", minutes, MonitoringRules.MIN_CHART_MINUTES, MonitoringRules.MAX_CHART_MINUTES);
        MonitoringRules.range("width", width, MonitoringRules.MIN_CHART_WIDTH, MonitoringRules.MAX_CHART_WIDTH);
        MonitoringRules.range("height", height, MonitoringRules.MIN_CHART_HEIGHT, MonitoringRules.MAX_CHART_HEIGHT);
        Map<String, String> series = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (!RESERVED.contains(k) && !v.isBlank()) {
                Dimension.fromWire(k); // a parameter that is neither reserved nor a dimension is refused
                series.put(k, MonitoringRules.text(k, v, MonitoringRules.MAX_DIMENSION_VALUE));
            }
        });
        return render(monitor, series, minute, minutes, width, height, minute != null);
    }

    private ResponseEntity<byte[]> render(
            String monitorId,
            Map<String, String> series,
            Instant minute,
            int minutes,
            int width,
            int height,
            boolean immutable) {
        SeriesHistory h = queries.query(
                        new FindSeriesHistoryQuery(monitorId, series, minute, minutes),
                        ResponseTypes.instanceOf(SeriesHistory.class))
                .join();
        if (!h.found()) {
            return ResponseEntity.notFound().build();
        }
        ChartData data = new ChartData(
                h.title(),
                h.subtitle(),
                h.minutes(),
                h.today(),
                h.yesterday(),
                h.lastWeek(),
                h.percent(),
                minute == null ? Set.of() : Set.of(minute.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)));
        byte[] png = chart.png(data, width, height);
        return ResponseEntity.ok()
                .cacheControl(immutable ? CacheControl.maxAge(Duration.ofMinutes(1)) : CacheControl.noCache())
                .contentType(MediaType.IMAGE_PNG)
                .body(png);
    }
}
