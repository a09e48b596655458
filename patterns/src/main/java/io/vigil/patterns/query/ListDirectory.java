package io.vigil.patterns.query;

import io.vigil.patterns.api.FindListChangesQuery;
import io.vigil.patterns.api.FindListEntriesQuery;
import io.vigil.patterns.api.FindListsQuery;
import io.vigil.patterns.api.ListChangePage;
import io.vigil.patterns.api.ListEntriesAddedEvent;
import io.vigil.patterns.api.ListEntriesRemovedEvent;
import io.vigil.patterns.api.ListEntryExpiryChangedEvent;
import io.vigil.patterns.api.ListEntryPage;
import io.vigil.patterns.api.ListItem;
import io.vigil.patterns.api.ListKind;
import io.vigil.patterns.api.ListOverview;
import io.vigil.patterns.api.ListType;
import io.vigil.patterns.api.ValueListEvent;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The lists in PostgreSQL: one row per listed value ({@code list_entry}) and one per change ({@code list_change}).
 * A subscribing processor: it is written in the transaction that stores the change's event, so an import is stored
 * with all its rows or not at all, and the API reads its own change at once. Its failures propagate (the server's
 * default for every processing group), failing the change.
 */
@Component
@ProcessingGroup(ListDirectory.PROCESSING_GROUP)
class ListDirectory {

    static final String PROCESSING_GROUP = "list-directory";
    /** Rows per JDBC batch of an import. */
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    ListDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ListEntriesAddedEvent event) {
        List<Object[]> rows = new ArrayList<>(Math.min(BATCH, event.entries().size()));
        Timestamp at = Timestamp.from(event.at());
        for (ListItem entry : event.entries()) {
            rows.add(new Object[] {
                event.list().wireName(),
                event.kind().wireName(),
                entry.value(),
                entry.expiresAt() == null ? null : Timestamp.from(entry.expiresAt()),
                entry.reason() == null || entry.reason().isBlank() ? event.reason() : entry.reason(),
                at,
                event.by(),
                at,
                event.by(),
                event.version()
            });
            if (rows.size() == BATCH) {
                upsert(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            upsert(rows);
        }
        change(event, "add", event.added(), event.source());
    }

    private void upsert(List<Object[]> rows) {
        jdbc.batchUpdate(
                "INSERT INTO list_entry (list, kind, value, expires_at, reason, added_at, added_by, changed_at,"
                        + " changed_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (list, kind, value) DO UPDATE SET expires_at = EXCLUDED.expires_at,"
                        + " reason = EXCLUDED.reason, changed_at = EXCLUDED.changed_at,"
                        + " changed_by = EXCLUDED.changed_by, version = EXCLUDED.version",
                rows,
                new int[] {
                    Types.VARCHAR,
                    Types.VARCHAR,
                    Types.VARCHAR,
                    Types.TIMESTAMP,
                    Types.VARCHAR,
                    Types.TIMESTAMP,
                    Types.VARCHAR,
                    Types.TIMESTAMP,
                    Types.VARCHAR,
                    Types.BIGINT
                });
    }

    @EventHandler
    void on(ListEntriesRemovedEvent event) {
        List<Object[]> rows = new ArrayList<>();
        for (String value : event.values()) {
            rows.add(new Object[] {event.list().wireName(), event.kind().wireName(), value});
        }
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(
                    "DELETE FROM list_entry WHERE list = ? AND kind = ? AND value = ?",
                    rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
        change(event, "remove", 0, "api");
    }

    @EventHandler
    void on(ListEntryExpiryChangedEvent event) {
        jdbc.update(
                "UPDATE list_entry SET expires_at = ?, changed_at = ?, changed_by = ?, version = ?"
                        + " WHERE list = ? AND kind = ? AND value = ?",
                event.expiresAt() == null ? null : Timestamp.from(event.expiresAt()),
                Timestamp.from(event.at()),
                event.by(),
                event.version(),
                event.list().wireName(),
                event.kind().wireName(),
                event.value());
        change(event, "expiry", 0, "api");
    }

    private void change(ValueListEvent event, String action, int added, String source) {
        jdbc.update(
                "INSERT INTO list_change (list, kind, version, action, entries, added, reason, source, actor, at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (list, kind, version) DO NOTHING",
                event.list().wireName(),
                event.kind().wireName(),
                event.version(),
                action,
                event.entryCount(),
                added,
                event.reason(),
                source,
                event.by(),
                Timestamp.from(event.at()));
    }

    @QueryHandler
    ListOverview handle(FindListsQuery query) {
        Timestamp now = Timestamp.from(clock.instant());
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query(
                "SELECT list, kind, count(*), count(*) FILTER (WHERE expires_at IS NULL OR expires_at > ?)"
                        + " FROM list_entry GROUP BY list, kind",
                rs -> {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4)});
                },
                now);
        Map<String, Object[]> last = new HashMap<>();
        jdbc.query(
                "SELECT DISTINCT ON (list, kind) list, kind, version, at, actor FROM list_change"
                        + " ORDER BY list, kind, version DESC",
                rs -> {
                    last.put(
                            rs.getString(1) + "/" + rs.getString(2),
                            new Object[] {rs.getLong(3), rs.getTimestamp(4).toInstant(), rs.getString(5)});
                });
        List<ListOverview.Summary> lists = new ArrayList<>();
        for (ListType list : new ListType[] {ListType.BLOCK, ListType.ALLOW}) {
            for (ListKind kind : ListKind.values()) {
                String key = list.wireName() + "/" + kind.wireName();
                long[] count = counts.getOrDefault(key, new long[2]);
                Object[] change = last.get(key);
                lists.add(new ListOverview.Summary(
                        list,
                        kind,
                        count[0],
                        count[1],
                        change == null ? 0 : (long) change[0],
                        change == null ? null : (Instant) change[1],
                        change == null ? null : (String) change[2]));
            }
        }
        return new ListOverview(lists);
    }

    @QueryHandler
    ListEntryPage handle(FindListEntriesQuery query) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder(" FROM list_entry WHERE list = ? AND kind = ?");
        List<Object> args =
                new ArrayList<>(List.of(query.list().wireName(), query.kind().wireName()));
        if (query.search() != null && !query.search().isBlank()) {
            where.append(" AND value ILIKE ? ESCAPE '\\'");
            args.add("%" + likeEscaped(query.search().strip()) + "%");
        }
        long total = count(where, args);
        List<ListEntryPage.Entry> entries = page(
                "SELECT value, expires_at, reason, added_at, added_by, changed_at, changed_by, version" + where
                        + " ORDER BY value",
                args,
                query.page(),
                query.size(),
                (rs, i) -> {
                    Timestamp expires = rs.getTimestamp(2);
                    Instant expiresAt = expires == null ? null : expires.toInstant();
                    return new ListEntryPage.Entry(
                            rs.getString(1),
                            expiresAt,
                            expiresAt != null && !now.isBefore(expiresAt),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getString(5),
                            rs.getTimestamp(6).toInstant(),
                            rs.getString(7),
                            rs.getLong(8));
                });
        return new ListEntryPage(entries, total, query.page(), query.size());
    }

    @QueryHandler
    ListChangePage handle(FindListChangesQuery query) {
        StringBuilder where = new StringBuilder(" FROM list_change WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.list() != null) {
            where.append(" AND list = ?");
            args.add(query.list().wireName());
        }
        if (query.kind() != null) {
            where.append(" AND kind = ?");
            args.add(query.kind().wireName());
        }
        long total = count(where, args);
        List<ListChangePage.Change> changes = page(
                "SELECT list, kind, version, action, entries, added, reason, source, actor, at" + where
                        + " ORDER BY at DESC, list, kind, version DESC",
                args,
                query.page(),
                query.size(),
                (rs, i) -> new ListChangePage.Change(
                        ListType.ofWireName(rs.getString(1)).orElseThrow(),
                        ListKind.ofWireName(rs.getString(2)).orElseThrow(),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getTimestamp(10).toInstant()));
        return new ListChangePage(changes, total, query.page(), query.size());
    }

    private long count(CharSequence where, List<Object> args) {
        Long total = jdbc.queryForObject("SELECT count(*)" + where, Long.class, args.toArray());
        return total == null ? 0 : total;
    }

    /** One page of a query's rows: {@code select} ends with its ORDER BY, the page's bounds are added. */
    private <T> List<T> page(String select, List<Object> args, int page, int size, RowMapper<T> rows) {
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        return jdbc.query(select + " LIMIT ? OFFSET ?", rows, pageArgs.toArray());
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
