package io.vigil.analytics.store;

import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.MonitorDefinition;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.springframework.stereotype.Component;

/**
 * Reads a monitor's metric from the per-minute rollups: for a minute, every series (combination of the monitor's
 * dimension values) with traffic in any of the minutes its detector reads (the minute itself, the minutes before it,
 * and the same minutes on earlier days and weeks: {@link io.vigil.analytics.api.HistoryPlan#offsets()}). One query per
 * monitor and minute, one row per series, whatever the number of series.
 */
@Component
public class RollupReader {

    /** A series with its successes and attempts at each minute read, in the order of the offsets asked for. */
    public record SeriesRow(String[] values, long[] successes, long[] attempts) {}

    private final ClickHouse clickHouse;

    RollupReader(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    /**
     * Every series of {@code monitor} with traffic at any of the minutes {@code offsets} seconds before
     * {@code minute}, at most {@code limit} of them (which ones is ClickHouse's). A minute without rows reads 0.
     */
    public List<SeriesRow> read(MonitorDefinition monitor, Instant minute, long[] offsets, int limit)
            throws SQLException {
        long m = minute.getEpochSecond();
        int dims = monitor.dimensions().size();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (Dimension d : monitor.dimensions()) {
            sql.append(d.column()).append(", ");
        }
        for (int k = 0; k < offsets.length; k++) {
            sql.append(k == 0 ? "" : ", ")
                    .append(RollupSql.sums(monitor, "minute = toDateTime(" + (m - offsets[k]) + ")"));
        }
        sql.append(RollupSql.fromRollups(clickHouse, monitor))
                .append(" AND minute IN (")
                .append(LongStream.of(offsets)
                        .distinct()
                        .mapToObj(o -> "toDateTime(" + (m - o) + ")")
                        .collect(Collectors.joining(", ")))
                .append(")");
        RollupSql.appendEquals(sql, monitor.filter());
        if (dims > 0) {
            sql.append(" GROUP BY ")
                    .append(monitor.dimensions().stream().map(Dimension::column).collect(Collectors.joining(", ")));
        }
        if (limit < Integer.MAX_VALUE) {
            sql.append(" LIMIT ").append(limit);
        }
        return clickHouse.query(sql.toString(), rs -> {
            String[] values = new String[dims];
            for (int i = 0; i < dims; i++) {
                values[i] = rs.getString(i + 1);
            }
            long[] successes = new long[offsets.length];
            long[] attempts = new long[offsets.length];
            for (int k = 0; k < offsets.length; k++) {
                successes[k] = rs.getLong(dims + 2 * k + 1);
                attempts[k] = rs.getLong(dims + 2 * k + 2);
            }
            return new SeriesRow(values, successes, attempts);
        });
    }

    /**
     * One series' metric per minute over {@code [from, to)}, for charts: successes and attempts per minute, indexed
     * by minutes since {@code from}.
     */
    public long[][] history(MonitorDefinition monitor, Map<Dimension, String> series, Instant from, Instant to)
            throws SQLException {
        long start = from.getEpochSecond() / 60 * 60;
        int minutes = (int) ((to.getEpochSecond() - start + 59) / 60);
        StringBuilder sql = new StringBuilder("SELECT toUnixTimestamp(minute), ")
                .append(RollupSql.sums(monitor, null))
                .append(RollupSql.fromRollups(clickHouse, monitor))
                .append(" AND minute >= toDateTime(")
                .append(start)
                .append(") AND minute < toDateTime(")
                .append(start + 60L * minutes)
                .append(")");
        Map<Dimension, String> fixed = new java.util.LinkedHashMap<>(monitor.filter());
        fixed.putAll(series);
        RollupSql.appendEquals(sql, fixed);
        sql.append(" GROUP BY minute");
        long[][] result = new long[2][minutes];
        clickHouse.query(sql.toString(), rs -> {
            int i = (int) ((rs.getLong(1) - start) / 60);
            if (i >= 0 && i < minutes) {
                result[0][i] = rs.getLong(2);
                result[1][i] = rs.getLong(3);
            }
            return null;
        });
        return result;
    }
}
