package io.vigil.analytics.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigil.analytics.api.FindMonitorsQuery;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorStatus;
import io.vigil.analytics.api.MonitorSummary;
import io.vigil.analytics.api.Observation;
import io.vigil.analytics.api.RaiseAlertCommand;
import io.vigil.analytics.api.ReportRecoveryCommand;
import io.vigil.analytics.config.MonitoringLimits;
import io.vigil.analytics.config.MonitoringSettings;
import io.vigil.analytics.evaluation.SeriesEvaluation.Anomaly;
import io.vigil.analytics.evaluation.SeriesEvaluation.OpenAlert;
import io.vigil.analytics.evaluation.SeriesEvaluation.Recovery;
import io.vigil.analytics.projection.LateRollups;
import io.vigil.analytics.query.MonitorDirectory;
import io.vigil.analytics.store.RollupReader;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Evaluates every active monitor when a minute closes ({@code vigil.monitoring.evaluation-delay} after its end), on a
 * thread of its own so a long cycle never holds up other scheduled work. Each monitor is one rollup query and one
 * pass over its series; the query reads only the minutes new to the detector's plan when the monitor's series are
 * held from the minute before ({@link SeriesWindows}), else every minute of the plan; anomalies become {@link RaiseAlertCommand}s (the Alert aggregate keeps one open incident per
 * series) and recovered open alerts {@link ReportRecoveryCommand}s.
 */
@Component
class MonitorEvaluator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MonitorEvaluator.class);

    private final MonitorDirectory monitors;
    private final RollupReader rollups;
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final MonitoringSettings settings;
    private final AnomalyBoard board;
    private final StoredAlerts alerts;
    private final LateRollups late;
    private final ObjectMapper json;
    private final Timer cycleTimer;
    private final Counter raised;
    private final EvaluationCaps caps;
    private final MonitoringLimits limits;
    private final Map<String, Held> held = new HashMap<>();
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;
    private Instant lastEvaluated;

    MonitorEvaluator(
            MonitorDirectory monitors,
            RollupReader rollups,
            JdbcTemplate jdbc,
            CommandGateway commands,
            MonitoringSettings settings,
            AnomalyBoard board,
            StoredAlerts alerts,
            LateRollups late,
            ObjectMapper json,
            MonitoringLimits limits,
            MeterRegistry meters) {
        this.monitors = monitors;
        this.rollups = rollups;
        this.jdbc = jdbc;
        this.commands = commands;
        this.settings = settings;
        this.board = board;
        this.alerts = alerts;
        this.late = late;
        this.json = json;
        this.cycleTimer = Timer.builder("vigil.monitor.cycle")
                .description("One evaluation of every active monitor for a closed minute")
                .register(meters);
        this.raised = Counter.builder("vigil.monitor.anomalies")
                .description("Anomalous series found (an open alert absorbs repeats)")
                .register(meters);
        this.caps = new EvaluationCaps(limits, meters);
        this.limits = limits;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("Live monitor evaluation is off (vigil.monitoring.enabled=false)");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "monitor-evaluator");
            t.setDaemon(true);
            return t;
        });
        lastEvaluated = lastClosedMinute(clock.instant()).minus(1, ChronoUnit.MINUTES);
        executor.scheduleWithFixedDelay(this::tick, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    /** The latest minute whose end is at least the evaluation delay ago. */
    private Instant lastClosedMinute(Instant now) {
        return now.minus(settings.evaluationDelay())
                .truncatedTo(ChronoUnit.MINUTES)
                .minus(1, ChronoUnit.MINUTES);
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            Instant closed = lastClosedMinute(now);
            while (lastEvaluated.isBefore(closed)) {
                Instant next = lastEvaluated.plus(1, ChronoUnit.MINUTES);
                if (Duration.between(next.plus(1, ChronoUnit.MINUTES), now).compareTo(settings.maxLag()) > 0) {
                    log.warn(
                            "Skipping the evaluation of minute {}: it closed more than {} ago",
                            next,
                            settings.maxLag());
                } else {
                    evaluateMinute(next);
                }
                lastEvaluated = next;
            }
        } catch (RuntimeException e) {
            log.error("Monitor evaluation failed; the minute is retried", e);
        }
    }

    /** Evaluates every active monitor for one minute. */
    void evaluateMinute(Instant minute) {
        long start = System.nanoTime();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        int series = 0;
        caps.startMinute(minute);
        List<MonitorSummary> active = monitors.handle(FindMonitorsQuery.all()).monitors().stream()
                .filter(m -> m.status() == MonitorStatus.ACTIVE)
                .toList();
        for (MonitorSummary monitor : caps.monitors(active, minute)) {
            try {
                SeriesEvaluation evaluation = new SeriesEvaluation(monitor.definition());
                SeriesEvaluation.Result result = evaluation.evaluate(
                        rows(monitor, evaluation, minute),
                        openAlerts(monitor.monitorId()),
                        alerts.past(
                                monitor.monitorId(), minute, evaluation.plan().reach()),
                        minute.getEpochSecond());
                series += result.series();
                board.record(monitor.monitorId(), minute, result.anomalies(), result.series());
                Instant at = clock.instant();
                for (Anomaly anomaly : result.anomalies()) {
                    raised.increment();
                    if (!caps.mayRaise()) {
                        continue;
                    }
                    sent.add(commands.send(new RaiseAlertCommand(
                            monitor.monitorId(),
                            monitor.definition().name(),
                            anomaly.series(),
                            minute,
                            anomaly.observation(),
                            monitor.definition().maintenanceWindows(),
                            at)));
                }
                for (Recovery recovery : result.recoveries()) {
                    sent.add(commands.send(
                            new ReportRecoveryCommand(recovery.alertId(), minute, recovery.observation(), at)));
                }
            } catch (Exception e) {
                log.warn("Monitor {} could not be evaluated for {}: {}", monitor.monitorId(), minute, e.toString());
            }
        }
        caps.endMinute();
        held.keySet().retainAll(active.stream().map(MonitorSummary::monitorId).toList());
        for (CompletableFuture<?> future : sent) {
            try {
                future.join();
            } catch (RuntimeException e) {
                log.warn("An alert command failed: {}", e.toString());
            }
        }
        long nanos = System.nanoTime() - start;
        cycleTimer.record(nanos, TimeUnit.NANOSECONDS);
        log.debug("Evaluated minute {}: {} series in {} ms", minute, series, nanos / 1_000_000);
    }

    /** A monitor's windows held between minutes, for the definition they were read with. */
    private record Held(MonitorDefinition definition, long lateVersion, SeriesWindows windows) {}

    /**
     * The rows to judge for {@code minute}: from the monitor's held windows advanced by one minute when it was
     * evaluated the minute before with the same definition and no late rows were written since, else from a full read, held for the next minute while
     * the series held over all monitors stay within {@code max-held-series}.
     */
    private Iterable<RollupReader.SeriesRow> rows(MonitorSummary monitor, SeriesEvaluation evaluation, Instant minute)
            throws SQLException {
        String id = monitor.monitorId();
        MonitorDefinition definition = monitor.definition();
        long m = minute.getEpochSecond();
        Held kept = held.remove(id);
        int others = held.values().stream().mapToInt(h -> h.windows().series()).sum();
        int room = Math.min(limits.maxSeriesPerMonitor(), limits.maxHeldSeries() - others);
        long lateVersion = late.version();
        if (kept != null
                && kept.definition().equals(definition)
                && kept.lateVersion() == lateVersion
                && kept.windows().continues(m)) {
            List<RollupReader.SeriesRow> fresh = caps.series(
                    id, minute, rollups.read(definition, minute, kept.windows().fresh(), caps.seriesToRead()));
            kept.windows().advance(m, fresh, Math.max(room, kept.windows().series()));
            held.put(id, kept);
            return kept.windows().rows();
        }
        long[] offsets = evaluation.plan().offsets();
        List<RollupReader.SeriesRow> all =
                caps.series(id, minute, rollups.read(definition, minute, offsets, caps.seriesToRead()));
        if (all.size() <= room) {
            SeriesWindows windows = new SeriesWindows(offsets);
            windows.rebuild(m, all);
            held.put(id, new Held(definition, lateVersion, windows));
        }
        return all;
    }

    private List<OpenAlert> openAlerts(String monitorId) {
        return jdbc.query(
                "SELECT alert_id, series, observation FROM alert_view WHERE monitor_id = ? AND state <> 'resolved'",
                (rs, i) -> new OpenAlert(
                        rs.getString(1),
                        read(rs.getString(2), new TypeReference<Map<String, String>>() {}),
                        read(rs.getString(3), new TypeReference<Observation>() {})),
                monitorId);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable alert row", e);
        }
    }
}
