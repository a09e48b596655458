package io.vigil.analytics.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.analytics.api.AlertAcknowledgedEvent;
import io.vigil.analytics.api.AlertMarkedEvent;
import io.vigil.analytics.api.AlertPage;
import io.vigil.analytics.api.AlertRaisedEvent;
import io.vigil.analytics.api.AlertResolvedEvent;
import io.vigil.analytics.api.AlertSilencedEvent;
import io.vigil.analytics.api.AlertSummary;
import io.vigil.analytics.api.AlertUnsilencedEvent;
import io.vigil.analytics.api.AlertVerdict;
import io.vigil.analytics.api.FindAlertsQuery;
import io.vigil.analytics.api.MaintenanceWindow;
import io.vigil.analytics.api.Observation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The searchable alert history in PostgreSQL: one row per incident, and each alert's current silence. Subscribing, so
 * it changes in the transaction of the alert's event and the evaluator always sees the open alerts as they are.
 */
@Component
@ProcessingGroup("alert-history")
class AlertHistory {

    private static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AlertHistory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * "merchant=m-42, country=SE", or "all" for a monitor without dimensions. A control character in a value is shown
     * as a Java escape (a NUL as backslash-u0000): PostgreSQL text cannot hold NUL, so a raw one would fail the
     * alert's whole transaction, and the others would garble the console and the charts.
     */
    static String label(Map<String, String> series) {
        return series.isEmpty()
                ? "all"
                : series.entrySet().stream()
                        .map(e -> printable(e.getKey()) + "=" + printable(e.getValue()))
                        .collect(Collectors.joining(", "));
    }

    /** The text with each control character (C0, DEL, C1) as a Java escape: backslash, u, four hex digits. */
    static String printable(String text) {
        if (text == null || text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 12);
        text.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    @EventHandler
    void on(AlertRaisedEvent e) {
        jdbc.update(
                "INSERT INTO alert_view (alert_id, incident, monitor_id, monitor_name, series, series_label, state,"
                        + " minute, raised_at, observation, silenced, silence_reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'firing', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                e.alertId(),
                e.incident(),
                e.monitorId(),
                e.monitorName(),
                write(new java.util.TreeMap<>(e.series())),
                label(new java.util.TreeMap<>(e.series())),
                Timestamp.from(e.minute()),
                Timestamp.from(e.raisedAt()),
                write(e.observation()),
                e.silenced(),
                e.silenceReason());
    }

    @EventHandler
    void on(AlertMarkedEvent e) {
        jdbc.update(
                "UPDATE alert_view SET verdict = ?, marked_by = ?, marked_at = ?, mark_note = ?"
                        + " WHERE alert_id = ? AND incident = ?",
                e.verdict().name(),
                e.by(),
                Timestamp.from(e.markedAt()),
                e.note(),
                e.alertId(),
                e.incident());
    }

    @EventHandler
    void on(AlertAcknowledgedEvent e) {
        jdbc.update(
                "UPDATE alert_view SET state = 'acknowledged', acknowledged_by = ?, acknowledged_at = ?"
                        + " WHERE alert_id = ? AND incident = ?",
                e.by(),
                Timestamp.from(e.acknowledgedAt()),
                e.alertId(),
                e.incident());
    }

    @EventHandler
    void on(AlertResolvedEvent e) {
        jdbc.update(
                "UPDATE alert_view SET state = 'resolved', resolved_at = ?, resolved_by = ?, resolved_automatically = ?"
                        + " WHERE alert_id = ? AND incident = ?",
                Timestamp.from(e.resolvedAt()),
                e.by(),
                e.automatic(),
                e.alertId(),
                e.incident());
        jdbc.update("DELETE FROM alert_silence WHERE alert_id = ? AND until_resolved", e.alertId());
    }

    @EventHandler
    void on(AlertSilencedEvent e) {
        String description = e.untilResolved()
                ? "until resolved"
                : e.until() != null ? "until " + UNTIL.format(e.until()) : describe(e.window());
        if (e.reason() != null) {
            description += " (" + e.reason() + ")";
        }
        jdbc.update(
                "INSERT INTO alert_silence (alert_id, description, until, until_resolved, silenced_by, silenced_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (alert_id) DO UPDATE SET description = EXCLUDED.description,"
                        + " until = EXCLUDED.until, until_resolved = EXCLUDED.until_resolved,"
                        + " silenced_by = EXCLUDED.silenced_by, silenced_at = EXCLUDED.silenced_at",
                e.alertId(),
                description,
                e.until() == null ? null : Timestamp.from(e.until()),
                e.untilResolved(),
                e.by(),
                Timestamp.from(e.silencedAt()));
    }

    @EventHandler
    void on(AlertUnsilencedEvent e) {
        jdbc.update("DELETE FROM alert_silence WHERE alert_id = ?", e.alertId());
    }

    private static String describe(MaintenanceWindow w) {
        String days = w.days().isEmpty()
                ? "every day"
                : w.days().stream()
                        .sorted()
                        .map(d -> d.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining(","));
        return "every " + days + " from " + w.start() + " for " + w.length().toMinutes() + " min (" + w.zone() + ")";
    }

    @QueryHandler
    AlertPage handle(FindAlertsQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.state() != null && !q.state().isBlank()) {
            if (q.state().equals("open")) {
                where.append(" AND a.state <> 'resolved'");
            } else {
                where.append(" AND a.state = ?");
                args.add(q.state());
            }
        }
        if (q.monitorId() != null) {
            where.append(" AND a.monitor_id = ?");
            args.add(q.monitorId());
        }
        if (q.alertId() != null) {
            where.append(" AND a.alert_id = ?");
            args.add(q.alertId());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND (a.series_label ILIKE ? OR a.monitor_name ILIKE ?)");
            String like = "%" + q.text().replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(like);
            args.add(like);
        }
        if (q.from() != null) {
            where.append(" AND a.raised_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND a.raised_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM alert_view a" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.size());
        pageArgs.add((long) q.page() * q.size());
        List<AlertSummary> alerts = jdbc.query(
                "SELECT a.*, s.description AS silence FROM alert_view a LEFT JOIN alert_silence s"
                        + " ON s.alert_id = a.alert_id AND (s.until IS NULL OR s.until > now())"
                        + where
                        + " ORDER BY a.raised_at DESC, a.alert_id, a.incident DESC LIMIT ? OFFSET ?",
                (rs, i) -> summary(rs),
                pageArgs.toArray());
        return new AlertPage(alerts, total == null ? 0 : total, q.page(), q.size());
    }

    private AlertSummary summary(ResultSet rs) throws SQLException {
        return new AlertSummary(
                rs.getString("alert_id"),
                rs.getInt("incident"),
                rs.getString("monitor_id"),
                rs.getString("monitor_name"),
                read(rs.getString("series"), new TypeReference<Map<String, String>>() {}),
                rs.getString("series_label"),
                rs.getString("state"),
                instant(rs, "minute"),
                instant(rs, "raised_at"),
                read(rs.getString("observation"), new TypeReference<Observation>() {}),
                rs.getBoolean("silenced"),
                rs.getString("silence_reason"),
                rs.getString("acknowledged_by"),
                instant(rs, "acknowledged_at"),
                instant(rs, "resolved_at"),
                rs.getString("resolved_by"),
                (Boolean) rs.getObject("resolved_automatically"),
                rs.getString("state").equals("resolved") ? null : rs.getString("silence"),
                rs.getString("verdict") == null ? null : AlertVerdict.valueOf(rs.getString("verdict")),
                rs.getString("marked_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write alert row", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable alert row", e);
        }
    }
}
