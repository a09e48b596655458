package io.vigil.analytics.evaluation;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.analytics.api.AlertVerdict;
import io.vigil.analytics.api.BacktestMonitorQuery;
import io.vigil.analytics.api.BacktestResult;
import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.FindMonitorsQuery;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorSummary;
import io.vigil.analytics.config.MonitoringLimits;
import io.vigil.analytics.evaluation.SeriesEvaluation.Anomaly;
import io.vigil.analytics.evaluation.SeriesEvaluation.OpenAlert;
import io.vigil.analytics.evaluation.SeriesEvaluation.Recovery;
import io.vigil.analytics.evaluation.StoredAlerts.StoredAlert;
import io.vigil.analytics.query.MonitorDirectory;
import io.vigil.analytics.store.ClickHouse;
import io.vigil.analytics.store.RollupReader.SeriesRow;
import io.vigil.analytics.store.RollupSql;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Replays a monitor over stored rollups minute by minute, with the live evaluator's own code
 * ({@link SeriesEvaluation}) and the same open-alert bookkeeping: an anomaly opens an incident unless one is open,
 * a recovery closes it. One ClickHouse query fetches every minute the range and its references need, held sparsely
 * ({@link BacktestHistory}) and capped by {@code vigil.monitoring.limits}: a backtest over more series or points is
 * refused with its reason as the result's problem (400 over the API).
 */
@Component
class MonitorBacktest {

    static final Duration MAX_RANGE = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(MonitorBacktest.class);

    private final MonitorDirectory monitors;
    private final ClickHouse clickHouse;
    private final StoredAlerts alerts;
    private final MonitoringLimits limits;
    private final MeterRegistry meters;

    MonitorBacktest(
            MonitorDirectory monitors,
            ClickHouse clickHouse,
            StoredAlerts alerts,
            MonitoringLimits limits,
            MeterRegistry meters) {
        this.monitors = monitors;
        this.alerts = alerts;
        this.clickHouse = clickHouse;
        this.limits = limits;
        this.meters = meters;
    }

    @QueryHandler
    BacktestResult handle(BacktestMonitorQuery q) throws SQLException {
        MonitorDefinition monitor = q.definition();
        if (monitor == null) {
            Optional<MonitorSummary> found =
                    monitors.handle(FindMonitorsQuery.one(q.monitorId())).first();
            if (found.isEmpty()) {
                return new BacktestResult(0, 0, List.of(), "there is no monitor " + q.monitorId());
            }
            monitor = found.get().definition();
        }
        if (!monitor.problems().isEmpty()) {
            return new BacktestResult(0, 0, List.of(), String.join("; ", monitor.problems()));
        }
        Instant from = q.from().truncatedTo(ChronoUnit.MINUTES);
        Instant to = q.to().truncatedTo(ChronoUnit.MINUTES);
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            return new BacktestResult(0, 0, List.of(), "the range must be 1 minute to 7 days, from before to");
        }
        SeriesEvaluation evaluation = new SeriesEvaluation(monitor);
        BacktestHistory history;
        try {
            history = load(monitor, evaluation.plan().offsets(), from.getEpochSecond(), to.getEpochSecond());
        } catch (BacktestHistory.TooLarge e) {
            EvaluationCaps.counter(meters, e.cap()).increment();
            log.warn(
                    "Backtest of {} refused: {}",
                    q.monitorId() == null ? "a draft monitor" : q.monitorId(),
                    e.getMessage());
            return new BacktestResult(0, 0, List.of(), e.getMessage());
        }
        List<StoredAlert> stored = q.monitorId() == null
                ? List.of()
                : alerts.of(q.monitorId(), from.minusSeconds(evaluation.plan().reach() + 60), to);
        PastIncidents past = StoredAlerts.pastIncidents(stored);
        Map<Map<String, String>, OpenIncident> open = new LinkedHashMap<>();
        List<BacktestResult.Incident> incidents = new ArrayList<>();
        int minutes = 0;
        for (long m = from.getEpochSecond(); m < to.getEpochSecond(); m += 60) {
            minutes++;
            List<SeriesRow> rows = history.rowsAt(m);
            List<OpenAlert> alerts = open.entrySet().stream()
                    .map(e -> new OpenAlert(e.getValue().id, e.getKey(), e.getValue().raisedWith))
                    .toList();
            SeriesEvaluation.Result result = evaluation.evaluate(rows, alerts, past, m);
            Instant minute = Instant.ofEpochSecond(m);
            for (Recovery r : result.recoveries()) {
                open.entrySet().removeIf(e -> {
                    if (e.getValue().id.equals(r.alertId())) {
                        incidents.set(
                                e.getValue().index,
                                new BacktestResult.Incident(
                                        e.getKey(), e.getValue().raised, minute, e.getValue().raisedWith));
                        return true;
                    }
                    return false;
                });
            }
            for (Anomaly a : result.anomalies()) {
                if (!open.containsKey(a.series())) {
                    open.put(
                            a.series(),
                            new OpenIncident("b" + incidents.size(), minute, a.observation(), incidents.size()));
                    incidents.add(new BacktestResult.Incident(a.series(), minute, null, a.observation()));
                }
            }
        }
        if (q.monitorId() == null) {
            return new BacktestResult(minutes, history.series(), incidents, null);
        }
        return scored(minutes, history.series(), incidents, stored, from, to);
    }

    /** Minutes either side of a stored alert within which a backtest incident of its series matches it. */
    static final long MATCH_SLACK = 600;

    /** The backtest's incidents with the marks of the stored alerts they match, and the marks' score. */
    static BacktestResult scored(
            int minutes,
            int series,
            List<BacktestResult.Incident> incidents,
            List<StoredAlert> stored,
            Instant from,
            Instant to) {
        List<BacktestResult.Incident> marked = new ArrayList<>(incidents);
        boolean[] matched = new boolean[incidents.size()];
        int real = 0;
        int found = 0;
        int notIncidents = 0;
        int raisedAgain = 0;
        for (StoredAlert alert : stored) {
            if (alert.verdict() == null
                    || alert.from() < from.getEpochSecond()
                    || alert.from() >= to.getEpochSecond()) {
                continue;
            }
            boolean hit = false;
            for (int i = 0; i < incidents.size(); i++) {
                BacktestResult.Incident incident = incidents.get(i);
                long raised = incident.raisedMinute().getEpochSecond();
                if (related(alert.series(), incident.series())
                        && raised >= alert.from() - MATCH_SLACK
                        && raised <= alert.to() + MATCH_SLACK) {
                    hit = true;
                    matched[i] = true;
                    marked.set(
                            i,
                            new BacktestResult.Incident(
                                    incident.series(),
                                    incident.raisedMinute(),
                                    incident.resolvedMinute(),
                                    incident.raisedWith(),
                                    alert.verdict()));
                }
            }
            if (alert.verdict() == AlertVerdict.INCIDENT) {
                real++;
                found += hit ? 1 : 0;
            } else {
                notIncidents++;
                raisedAgain += hit ? 1 : 0;
            }
        }
        int unmarked = 0;
        for (boolean m : matched) {
            unmarked += m ? 0 : 1;
        }
        return new BacktestResult(
                minutes,
                series,
                marked,
                null,
                new BacktestResult.Marks(real, found, notIncidents, raisedAgain, unmarked));
    }

    /** The same series, or a parent (its first dimension alone) and one of its children. */
    private static boolean related(Map<String, String> a, Map<String, String> b) {
        if (a.equals(b)) {
            return true;
        }
        Map<String, String> parent = a.size() < b.size() ? a : b;
        Map<String, String> child = parent == a ? b : a;
        return parent.size() == 1
                && parent.entrySet().stream().allMatch(e -> e.getValue().equals(child.get(e.getKey())));
    }

    /**
     * The time ranges, in epoch seconds, sorted and merged, that hold every minute read when replaying
     * {@code [from, to)}: for each offset, {@code [from - offset, to - offset)}.
     */
    static List<long[]> ranges(long[] offsets, long from, long to) {
        long[] sorted = LongStream.of(offsets).distinct().sorted().toArray();
        List<long[]> ranges = new ArrayList<>();
        for (int i = sorted.length - 1; i >= 0; i--) {
            long a = from - sorted[i];
            long b = to - sorted[i];
            long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && a <= last[1]) {
                last[1] = Math.max(last[1], b);
            } else {
                ranges.add(new long[] {a, b});
            }
        }
        return ranges;
    }

    private record OpenIncident(String id, Instant raised, io.vigil.analytics.api.Observation raisedWith, int index) {}

    /**
     * Per series, successes and attempts at each minute with traffic that replaying {@code [from, to)} reads (the
     * minutes {@code offsets} before each replayed minute); stops with {@link BacktestHistory.TooLarge} as soon as a
     * cap is passed.
     */
    private BacktestHistory load(MonitorDefinition monitor, long[] offsets, long from, long to) throws SQLException {
        List<long[]> ranges = ranges(offsets, from, to);
        long start = ranges.get(0)[0];
        String dims = monitor.dimensions().stream().map(Dimension::column).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("SELECT toUnixTimestamp(minute)")
                .append(dims.isEmpty() ? "" : ", " + dims)
                .append(", ")
                .append(RollupSql.sums(monitor, null))
                .append(RollupSql.fromRollups(clickHouse, monitor))
                .append(" AND (")
                .append(ranges.stream()
                        .map(r -> "(minute >= toDateTime(" + r[0] + ") AND minute < toDateTime(" + r[1] + "))")
                        .collect(Collectors.joining(" OR ")))
                .append(")");
        RollupSql.appendEquals(sql, monitor.filter());
        sql.append(" GROUP BY minute").append(dims.isEmpty() ? "" : ", " + dims);
        int d = monitor.dimensions().size();
        BacktestHistory history =
                new BacktestHistory(offsets, start, to, limits.maxBacktestSeries(), limits.maxBacktestPoints());
        clickHouse.query(sql.toString(), rs -> {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < d; i++) {
                key.append(i == 0 ? "" : "\u0001").append(rs.getString(i + 2));
            }
            history.add(key.toString(), rs.getLong(1), rs.getLong(d + 2), rs.getLong(d + 3));
            return null;
        });
        return history.seal();
    }
}
