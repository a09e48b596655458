package io.vigil.analytics.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much monitoring may cost, whatever its monitors or its traffic: each cap, when it bites, counts on a Micrometer
 * counter and logs a line (see docs/operations.md for what a client sees).
 *
 * @param maxMonitors monitors that may exist (not deleted) at once; creating one more is refused with 400
 * @param maxSeriesPerMonitor series the evaluator judges for one monitor in one minute; beyond it the rest of that
 *     minute's series of that monitor are not judged
 * @param maxDimensionValueLength the longest dimension value a series may have to be judged; a series with a longer
 *     value is left out of the evaluation (its traffic still counts in the rollups)
 * @param maxAlertsPerMinute alerts the evaluator raises for one minute, over all monitors; further anomalies of that
 *     minute are not raised (an anomaly that persists is raised in a later minute)
 * @param maxNotificationsPerMinute notifications sent per minute, over all routes; the rest wait in the outbox and go
 *     out in the next minutes
 * @param maxBacktestSeries series a backtest may have in its range (and values a breakdown may have in its minute);
 *     more is refused with 400 before anything is evaluated
 * @param maxBacktestPoints minutes with traffic, over all series, a backtest may hold (each about 20 bytes); more is
 *     refused with 400
 * @param maxHeldSeries series, over all monitors, whose detector minutes the evaluator keeps in memory between
 *     minutes (about 500 bytes each) so that a minute reads only the minutes new to it; the monitors beyond it are
 *     read in full every minute, which costs ClickHouse about six times as much
 */
@ConfigurationProperties("vigil.monitoring.limits")
public record MonitoringLimits(
        @DefaultValue("200") int maxMonitors,
        @DefaultValue("1000000") int maxSeriesPerMonitor,
        @DefaultValue("128") int maxDimensionValueLength,
        @DefaultValue("500") int maxAlertsPerMinute,
        @DefaultValue("300") int maxNotificationsPerMinute,
        @DefaultValue("10000") int maxBacktestSeries,
        @DefaultValue("20000000") long maxBacktestPoints,
        @DefaultValue("2000000") int maxHeldSeries) {

    /** The defaults, for tests that run without Spring. */
    public static final MonitoringLimits DEFAULTS =
            new MonitoringLimits(200, 1_000_000, 128, 500, 300, 10_000, 20_000_000, 2_000_000);

    public MonitoringLimits {
        if (maxMonitors < 1
                || maxSeriesPerMonitor < 1
                || maxDimensionValueLength < 1
                || maxAlertsPerMinute < 1
                || maxNotificationsPerMinute < 1
                || maxBacktestSeries < 1
                || maxBacktestPoints < 1
                || maxHeldSeries < 0) {
            throw new IllegalArgumentException("every vigil.monitoring.limits setting must be at least 1");
        }
    }
}
