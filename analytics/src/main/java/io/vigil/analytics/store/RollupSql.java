package io.vigil.analytics.store;

import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.MetricKind;
import io.vigil.analytics.api.MonitorDefinition;
import java.util.Map;

/**
 * The SQL every read of the per-minute rollups for a monitor shares: the two sums of its metric, the table with the
 * operations it counts, and its fixed dimension values. The evaluator, the backtest, charts and breakdowns each add
 * their own minutes and grouping.
 */
public final class RollupSql {

    private RollupSql() {}

    /** The operation whose successes count: the funnel's second step, or the monitor's own operation. */
    static String successOperation(MonitorDefinition monitor) {
        return monitor.metric() == MetricKind.FUNNEL ? monitor.toOperation() : monitor.operation();
    }

    /** Successes and attempts of the monitor's metric, summed over the rows where {@code condition} holds (or all). */
    public static String sums(MonitorDefinition monitor, String condition) {
        String when = condition == null ? "" : condition + " AND ";
        return "sumIf(successes, " + when + "operation = " + ClickHouse.quote(successOperation(monitor))
                + "), sumIf(attempts, " + when + "operation = " + ClickHouse.quote(monitor.operation()) + ")";
    }

    /** {@code FROM} the rollups {@code WHERE} the operation is one the monitor counts. */
    public static String fromRollups(ClickHouse clickHouse, MonitorDefinition monitor) {
        return " FROM " + clickHouse.table("operations_minute") + " WHERE operation IN ("
                + ClickHouse.quote(monitor.operation()) + ", " + ClickHouse.quote(successOperation(monitor)) + ")";
    }

    /** Appends a condition per fixed dimension value. */
    public static void appendEquals(StringBuilder sql, Map<Dimension, String> values) {
        for (Map.Entry<Dimension, String> v : values.entrySet()) {
            sql.append(" AND ").append(v.getKey().column()).append(" = ").append(ClickHouse.quote(v.getValue()));
        }
    }
}
