package io.vigil.analytics.store;

import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.MonitorDefinition;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads a monitor's metric from the per-minute rollups: for a minute, every series (combination of the monitor's
 * dimension values) with traffic in it, the minute before, or the same minute a day and a week earlier. One query per
 * monitor and minute, one row per series, whatever the number of series.
 */
@Component
public class RollupReader {

    /** The minutes compared, in this order: now, the minute before, a day before, a week before. */
    private static final long[] OFFSETS = {0, 60, 86_400, 604_800};

    /** How many minutes a row compares. */
    public static final int COMPARED = OFFSETS.length;

    /** A series with its successes and attempts in each of the compared minutes (index as {@link #offset}). */
    public record SeriesRow(String[] values, long[] successes, long[] attempts) {}

    private final ClickHouse clickHouse;

    RollupReader(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** How many seconds before the minute read the {@code k}th compared minute starts. */
    public static long offset(int k) {
        return OFFSETS[k];
    }

    public List<SeriesRow> read(MonitorDefinition monitor, Instant minute) throws SQLException {
        return read(monitor, minute, Integer.MAX_VALUE);
    }

    /** As {@link #read(MonitorDefinition, Instant)}, with at most {@code limit} rows (which ones is ClickHouse's). */
    public List<SeriesRow> read(MonitorDefinition monitor, Instant minute, int limit) throws SQLException {
        long m = minute.getEpochSecond();
        int dims = monitor.dimensions().size();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (Dimension d : monitor.dimensions()) {
            sql.append(d.column()).append(", ");
        }
        for (int k = 0; k < OFFSETS.length; k++) {
            sql.append(k == 0 ? "" : ", ")
                    .append(RollupSql.sums(monitor, "minute = toDateTime(" + (m - OFFSETS[k]) + ")"));
        }
        sql.append(RollupSql.fromRollups(clickHouse, monitor)).append(" AND minute IN (");
        for (int k = 0; k < OFFSETS.length; k++) {
            sql.append(k == 0 ? "" : ", ")
                    .append("toDateTime(")
                    .append(m - OFFSETS[k])
                    .append(")");
        }
        sql.append(")");
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
            long[] successes = new long[OFFSETS.length];
            long[] attempts = new long[OFFSETS.length];
            for (int k = 0; k < OFFSETS.length; k++) {
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
