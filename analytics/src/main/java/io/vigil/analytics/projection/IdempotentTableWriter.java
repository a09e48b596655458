package io.vigil.analytics.projection;

import io.vigil.analytics.store.ClickHouse;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a batch of rows to a table keyed by {@code (recorded_at, key)} so that each row lands once, even when the
 * tracking processor replays a batch after a crash between the insert and its token commit: rows whose key is already
 * present are skipped (one lookup on the sorting key per batch). The lookup is needed only for a batch that may be
 * processed again (see {@link ProjectionBatches}); the others are inserted as they are. For the transaction tables the key is the
 * transaction id (one row each, and ReplacingMergeTree is a second line of defence); for operations it is the id of
 * the event store event that carried many rows, which are inserted in one block and so are present all or none.
 */
final class IdempotentTableWriter {

    static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ClickHouse clickHouse;
    private final String table;
    private final List<String> columns;
    private final String keyColumn;
    private final boolean oneRowPerKey;

    IdempotentTableWriter(ClickHouse clickHouse, String table, List<String> columns) {
        this(clickHouse, table, columns, "transaction_id", true);
    }

    IdempotentTableWriter(
            ClickHouse clickHouse, String table, List<String> columns, String keyColumn, boolean oneRowPerKey) {
        this.clickHouse = clickHouse;
        this.table = clickHouse.table(table);
        this.keyColumn = keyColumn;
        this.oneRowPerKey = oneRowPerKey;
        this.columns = List.copyOf(columns);
    }

    /**
     * Writes the rows; with {@code verify}, only those whose key is not yet in the table. Returns how many were written.
     */
    int write(List<ProjectionRow> rows, boolean verify) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        if (!verify) {
            clickHouse.insert(
                    table, columns, rows.stream().map(ProjectionRow::values).toList());
            return rows.size();
        }
        Map<String, ProjectionRow> unique = new LinkedHashMap<>();
        for (ProjectionRow row : rows) {
            unique.putIfAbsent(row.key(), row);
        }
        Set<String> present = present(unique.values());
        List<Object[]> fresh = (oneRowPerKey ? unique.values() : rows)
                .stream()
                        .filter(row -> !present.contains(row.key()))
                        .map(ProjectionRow::values)
                        .toList();
        clickHouse.insert(table, columns, fresh);
        return fresh.size();
    }

    private Set<String> present(Iterable<ProjectionRow> rows) throws SQLException {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        StringBuilder ids = new StringBuilder();
        for (ProjectionRow row : rows) {
            from = Math.min(from, row.recordedAt().getEpochSecond());
            to = Math.max(to, row.recordedAt().getEpochSecond());
            ids.append(ids.length() == 0 ? "" : ",").append(ClickHouse.quote(row.key()));
        }
        String sql = "SELECT DISTINCT " + keyColumn + " FROM " + table + " WHERE recorded_at >= toDateTime(" + from
                + ") AND recorded_at <= toDateTime(" + to + ") AND " + keyColumn + " IN (" + ids + ")";
        return new HashSet<>(clickHouse.query(sql, rs -> rs.getString(1)));
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }
}
