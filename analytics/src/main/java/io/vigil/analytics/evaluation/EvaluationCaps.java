package io.vigil.analytics.evaluation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.analytics.config.MonitoringLimits;
import io.vigil.analytics.store.RollupReader.SeriesRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live evaluator's caps ({@link MonitoringLimits}): monitors evaluated, series judged per monitor, the length of
 * a judged series' dimension values, and alerts raised per minute. Each cap that bites counts on
 * {@code vigil.monitoring.capped{cap=...}} and logs a warning. Used by the evaluator's one thread only.
 */
final class EvaluationCaps {

    private static final Logger log = LoggerFactory.getLogger(EvaluationCaps.class);

    private final MonitoringLimits limits;
    private final Counter monitorsSkipped;
    private final Counter seriesSkipped;
    private final Counter longValuesSkipped;
    private final Counter alertsSkipped;
    private Instant minute;
    private int raised;
    private int notRaised;

    EvaluationCaps(MonitoringLimits limits, MeterRegistry meters) {
        this.limits = limits;
        this.monitorsSkipped = counter(meters, "monitors");
        this.seriesSkipped = counter(meters, "series-per-monitor");
        this.longValuesSkipped = counter(meters, "dimension-value-length");
        this.alertsSkipped = counter(meters, "alerts-per-minute");
    }

    static Counter counter(MeterRegistry meters, String cap) {
        return Counter.builder("vigil.monitoring.capped")
                .description("Work refused or left undone because a vigil.monitoring.limits cap was reached")
                .tag("cap", cap)
                .register(meters);
    }

    /** Rows to ask the rollups for: one more than the cap, to tell that it was passed. */
    int seriesToRead() {
        return limits.maxSeriesPerMonitor() == Integer.MAX_VALUE ? Integer.MAX_VALUE : limits.maxSeriesPerMonitor() + 1;
    }

    /** The active monitors to evaluate: the first {@code maxMonitors} of them. */
    <T> List<T> monitors(List<T> active, Instant minute) {
        if (active.size() <= limits.maxMonitors()) {
            return active;
        }
        monitorsSkipped.increment(active.size() - limits.maxMonitors());
        log.warn(
                "{} active monitors, more than vigil.monitoring.limits.max-monitors ({}): {} were not evaluated for {}",
                active.size(),
                limits.maxMonitors(),
                active.size() - limits.maxMonitors(),
                minute);
        return active.subList(0, limits.maxMonitors());
    }

    /**
     * The rows of one monitor's minute that may be judged: at most {@code maxSeriesPerMonitor}, and none with a
     * dimension value longer than {@code maxDimensionValueLength}.
     */
    List<SeriesRow> series(String monitorId, Instant minute, List<SeriesRow> rows) {
        List<SeriesRow> kept = rows;
        if (kept.size() > limits.maxSeriesPerMonitor()) {
            seriesSkipped.increment();
            log.warn(
                    "Monitor {} has more than vigil.monitoring.limits.max-series-per-monitor ({}) series in {}:"
                            + " only that many were judged",
                    monitorId,
                    limits.maxSeriesPerMonitor(),
                    minute);
            kept = kept.subList(0, limits.maxSeriesPerMonitor());
        }
        int max = limits.maxDimensionValueLength();
        int tooLong = 0;
        for (SeriesRow row : kept) {
            if (hasLongValue(row, max)) {
                tooLong++;
            }
        }
        if (tooLong == 0) {
            return kept;
        }
        List<SeriesRow> within = new ArrayList<>(kept.size() - tooLong);
        for (SeriesRow row : kept) {
            if (!hasLongValue(row, max)) {
                within.add(row);
            }
        }
        longValuesSkipped.increment(tooLong);
        log.warn(
                "Monitor {}: {} series in {} have a dimension value longer than"
                        + " vigil.monitoring.limits.max-dimension-value-length ({}) and were not judged",
                monitorId,
                tooLong,
                minute,
                max);
        return within;
    }

    private static boolean hasLongValue(SeriesRow row, int max) {
        for (String value : row.values()) {
            if (value != null && value.length() > max) {
                return true;
            }
        }
        return false;
    }

    /** Starts the count of alerts raised for a minute. */
    void startMinute(Instant minute) {
        this.minute = minute;
        raised = 0;
        notRaised = 0;
    }

    /** Whether one more alert may be raised for the current minute; counts it if so. */
    boolean mayRaise() {
        if (raised < limits.maxAlertsPerMinute()) {
            raised++;
            return true;
        }
        notRaised++;
        alertsSkipped.increment();
        return false;
    }

    /** Logs, once per minute, the anomalies the alert cap held back. */
    void endMinute() {
        if (notRaised > 0) {
            log.warn(
                    "{} anomalies of {} were not raised: vigil.monitoring.limits.max-alerts-per-minute ({}) were"
                            + " raised already",
                    notRaised,
                    minute,
                    limits.maxAlertsPerMinute());
        }
    }
}
