package io.vigil.analytics.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.analytics.api.Breakdown;
import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.FindBreakdownQuery;
import io.vigil.analytics.api.FindMonitorsQuery;
import io.vigil.analytics.api.FindSeriesHistoryQuery;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorRejectedException;
import io.vigil.analytics.api.MonitorSummary;
import io.vigil.analytics.api.SeriesHistory;
import io.vigil.analytics.config.MonitoringLimits;
import io.vigil.analytics.store.ClickHouse;
import io.vigil.analytics.store.RollupReader;
import io.vigil.analytics.store.RollupSql;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The drill-down of a series: its history for charts and its breakdown by another dimension. A breakdown over more
 * values than {@code vigil.monitoring.limits.max-backtest-series} is refused ({@link MonitorRejectedException}) after
 * reading one more row than that, rather than held and sorted whole.
 */
@Component
class SeriesInsights {

    private static final Logger log = LoggerFactory.getLogger(SeriesInsights.class);

    private final MonitorDirectory monitors;
    private final RollupReader rollups;
    private final ClickHouse clickHouse;
    private final int maxValues;
    private final Counter refused;
    private final Clock clock = Clock.systemUTC();

    SeriesInsights(
            MonitorDirectory monitors,
            RollupReader rollups,
            ClickHouse clickHouse,
            MonitoringLimits limits,
            MeterRegistry meters) {
        this.monitors = monitors;
        this.rollups = rollups;
        this.clickHouse = clickHouse;
        this.maxValues = limits.maxBacktestSeries();
        this.refused = Counter.builder("vigil.monitoring.capped")
                .description("Work refused or left undone because a vigil.monitoring.limits cap was reached")
                .tag("cap", "breakdown-values")
                .register(meters);
    }

    @QueryHandler
    SeriesHistory handle(FindSeriesHistoryQuery q) throws SQLException {
        Optional<MonitorSummary> found =
                monitors.handle(FindMonitorsQuery.one(q.monitorId())).first();
        if (found.isEmpty()) {
            return new SeriesHistory(
                    false, "", "", false, List.of(), new double[0], new double[0], new double[0], new long[0]);
        }
        MonitorDefinition monitor = found.get().definition();
        Map<Dimension, String> series = dimensions(q.series());
        int minutes = Math.max(10, Math.min(q.minutes() <= 0 ? 90 : q.minutes(), 24 * 60));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        Instant end = q.minute() == null
                ? now
                : q.minute().truncatedTo(ChronoUnit.MINUTES).plus(11, ChronoUnit.MINUTES);
        if (end.isAfter(now)) {
            end = now;
        }
        Instant from = end.minus(minutes, ChronoUnit.MINUTES);
        long[][] today = rollups.history(monitor, series, from, end);
        long[][] yesterday =
                rollups.history(monitor, series, from.minus(Duration.ofDays(1)), end.minus(Duration.ofDays(1)));
        long[][] lastWeek =
                rollups.history(monitor, series, from.minus(Duration.ofDays(7)), end.minus(Duration.ofDays(7)));
        List<Instant> axis = new ArrayList<>(minutes);
        for (int i = 0; i < minutes; i++) {
            axis.add(from.plus(i, ChronoUnit.MINUTES));
        }
        String subtitle = series.isEmpty() ? "all traffic" : AlertHistory.label(q.series());
        if (!monitor.filter().isEmpty()) {
            subtitle += " (" + labelOf(monitor.filter()) + ")";
        }
        return new SeriesHistory(
                true,
                monitor.name() + " — " + monitor.metricLabel(),
                subtitle,
                monitor.isRate(),
                axis,
                values(monitor, today),
                values(monitor, yesterday),
                values(monitor, lastWeek),
                today[1]);
    }

    @QueryHandler
    Breakdown handle(FindBreakdownQuery q) throws SQLException {
        Optional<MonitorSummary> found =
                monitors.handle(FindMonitorsQuery.one(q.monitorId())).first();
        Dimension by = Dimension.fromWire(q.dimension());
        if (found.isEmpty()) {
            return new Breakdown(q.dimension(), false, List.of());
        }
        MonitorDefinition monitor = found.get().definition();
        long m = q.minute().truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
        long y = m - 86_400;
        Map<Dimension, String> fixed = new LinkedHashMap<>(monitor.filter());
        fixed.putAll(dimensions(q.series()));
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(by.column())
                .append(", ")
                .append(RollupSql.sums(monitor, "minute = toDateTime(" + m + ")"))
                .append(", ")
                .append(RollupSql.sums(monitor, "minute = toDateTime(" + y + ")"))
                .append(RollupSql.fromRollups(clickHouse, monitor))
                .append(" AND minute IN (toDateTime(")
                .append(m)
                .append("), toDateTime(")
                .append(y)
                .append("))");
        RollupSql.appendEquals(sql, fixed);
        sql.append(" GROUP BY ").append(by.column()).append(" LIMIT ").append(maxValues + 1);
        List<Breakdown.Row> rows = clickHouse.query(
                sql.toString(),
                rs -> new Breakdown.Row(
                        rs.getString(1).isEmpty() ? "(none)" : rs.getString(1),
                        value(monitor, rs.getLong(2), rs.getLong(3)),
                        rs.getLong(3),
                        value(monitor, rs.getLong(4), rs.getLong(5)),
                        rs.getLong(5)));
        if (rows.size() > maxValues) {
            refused.increment();
            log.warn(
                    "Breakdown of monitor {} by {} refused: more than {} values in {}",
                    q.monitorId(),
                    by.wireName(),
                    maxValues,
                    q.minute());
            throw new MonitorRejectedException(List.of(by.wireName() + " has more than " + maxValues
                    + " values in that minute; a breakdown by it is refused"
                    + " (vigil.monitoring.limits.max-backtest-series)"));
        }
        List<Breakdown.Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble((Breakdown.Row r) ->
                        monitor.isRate() ? r.change() * Math.sqrt(r.volumeNow() + r.volumeYesterday()) : r.change())
                .thenComparing(Breakdown.Row::value));
        return new Breakdown(by.wireName(), monitor.isRate(), sorted.subList(0, Math.min(50, sorted.size())));
    }

    private static double[] values(MonitorDefinition monitor, long[][] history) {
        double[] v = new double[history[0].length];
        for (int i = 0; i < v.length; i++) {
            v[i] = value(monitor, history[0][i], history[1][i]);
        }
        return v;
    }

    private static double value(MonitorDefinition monitor, long successes, long attempts) {
        if (!monitor.isRate()) {
            return attempts;
        }
        return attempts == 0 ? Double.NaN : (double) successes / attempts;
    }

    static Map<Dimension, String> dimensions(Map<String, String> series) {
        Map<Dimension, String> dims = new LinkedHashMap<>();
        if (series != null) {
            series.forEach((k, v) -> dims.put(Dimension.fromWire(k), v));
        }
        return dims;
    }

    private static String labelOf(Map<Dimension, String> filter) {
        Map<String, String> named = new LinkedHashMap<>();
        filter.forEach((k, v) -> named.put(k.wireName(), v));
        return AlertHistory.label(named);
    }
}
