package io.vigil.analytics.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * One row of the per-minute rollup that monitors read ({@code operations_minute}): the attempts and successes of one
 * operation in one minute for one combination of dimension values. Vigil fills the rollup itself from operational
 * events; this record is for tools that must write history faster than the API takes it: the monitoring benchmark
 * writes a million series' history this way. The column list is derived from {@link Dimension}, so it cannot drift
 * from the one the evaluator reads.
 *
 * @param dimensions the values of the row; a dimension left out is empty, as for an event without it
 */
public record RollupRow(
        Instant minute, String operation, Map<Dimension, String> dimensions, long attempts, long successes) {

    /** The rollup's table, inside Vigil's ClickHouse database. */
    public static final String TABLE = "operations_minute";

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public RollupRow {
        minute = minute.truncatedTo(ChronoUnit.MINUTES);
        dimensions = Map.copyOf(dimensions);
        if (attempts < 0 || successes < 0 || successes > attempts) {
            throw new IllegalArgumentException("need 0 <= successes <= attempts, got " + successes + " of " + attempts);
        }
    }

    /** {@code INSERT INTO database.operations_minute (columns) FORMAT TabSeparated}, to follow with rows. */
    public static String insertStatement(String database) {
        StringBuilder sql = new StringBuilder("INSERT INTO ")
                .append(database)
                .append('.')
                .append(TABLE)
                .append(" (minute, operation");
        for (Dimension d : Dimension.values()) {
            sql.append(", ").append(d.column());
        }
        return sql.append(", attempts, successes) FORMAT TabSeparated").toString();
    }

    /** Appends this row as a line of {@link #insertStatement(String)}'s TabSeparated data. */
    public void appendTabSeparated(StringBuilder out) {
        out.append(MINUTE.format(minute)).append('\t');
        escape(out, operation);
        for (Dimension d : Dimension.values()) {
            out.append('\t');
            escape(out, dimensions.getOrDefault(d, ""));
        }
        out.append('\t').append(attempts).append('\t').append(successes).append('\n');
    }

    private static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }
}
