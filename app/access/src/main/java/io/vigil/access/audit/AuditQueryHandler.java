package io.vigil.access.audit;

import io.vigil.access.api.AuditEntries;
import io.vigil.access.api.AuditEntry;
import io.vigil.access.api.FindAuditEntriesQuery;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the audit trail, newest first, a page at a time: each page continues below the number of the last entry of
 * the one before (keyset pagination on the primary key), so a page costs the same however deep it is and entries
 * appended meanwhile neither repeat nor shift a page.
 */
@Component
class AuditQueryHandler {

    private final JdbcTemplate jdbc;

    AuditQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    AuditEntries handle(FindAuditEntriesQuery query) {
        StringBuilder sql = new StringBuilder("SELECT entry_id, at, actor, actor_kind, source_address, action, target,"
                + " outcome, details FROM access_audit WHERE TRUE");
        List<Object> arguments = new ArrayList<>();
        contains(sql, arguments, "actor", query.actor());
        contains(sql, arguments, "action", query.action());
        contains(sql, arguments, "target", query.target());
        if (query.outcome() != null) {
            sql.append(" AND outcome = ?");
            arguments.add(query.outcome());
        }
        if (query.from() != null) {
            sql.append(" AND at >= ?");
            arguments.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND at < ?");
            arguments.add(Timestamp.from(query.to()));
        }
        if (query.before() != null) {
            sql.append(" AND entry_id < ?");
            arguments.add(query.before());
        }
        // one more than asked: whether there is a next page
        sql.append(" ORDER BY entry_id DESC LIMIT ").append(query.limit() + 1);
        List<AuditEntry> entries = jdbc.query(
                sql.toString(),
                (rs, row) -> new AuditEntry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)),
                arguments.toArray());
        if (entries.size() <= query.limit()) {
            return new AuditEntries(entries, null);
        }
        List<AuditEntry> page = entries.subList(0, query.limit());
        return new AuditEntries(page, page.get(page.size() - 1).entryId());
    }

    private static void contains(StringBuilder sql, List<Object> arguments, String column, String text) {
        if (text != null) {
            sql.append(" AND ").append(column).append(" ILIKE ? ESCAPE '\\'");
            arguments.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }
}
