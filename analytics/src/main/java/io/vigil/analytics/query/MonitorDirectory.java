package io.vigil.analytics.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.analytics.api.FindMonitorsQuery;
import io.vigil.analytics.api.MonitorChangedEvent;
import io.vigil.analytics.api.MonitorCreatedEvent;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorDeletedEvent;
import io.vigil.analytics.api.MonitorList;
import io.vigil.analytics.api.MonitorPausedEvent;
import io.vigil.analytics.api.MonitorResumedEvent;
import io.vigil.analytics.api.MonitorStatus;
import io.vigil.analytics.api.MonitorSummary;
import java.sql.Timestamp;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The monitors table in PostgreSQL. A subscribing processor: it is written in the transaction that stores the
 * monitor's event, so the console reads its own change at once and the two cannot disagree.
 */
@Component
@ProcessingGroup(MonitorDirectory.PROCESSING_GROUP)
public class MonitorDirectory {

    static final String PROCESSING_GROUP = "monitor-directory";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    MonitorDirectory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(MonitorCreatedEvent event) {
        jdbc.update(
                "INSERT INTO monitor_view (monitor_id, name, definition, status, created_at, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?) ON CONFLICT (monitor_id) DO NOTHING",
                event.monitorId(),
                event.definition().name(),
                write(event.definition()),
                Timestamp.from(event.at()),
                Timestamp.from(event.at()),
                event.by());
    }

    @EventHandler
    void on(MonitorChangedEvent event) {
        jdbc.update(
                "UPDATE monitor_view SET name = ?, definition = ?, updated_at = ?, updated_by = ? WHERE monitor_id = ?",
                event.definition().name(),
                write(event.definition()),
                Timestamp.from(event.at()),
                event.by(),
                event.monitorId());
    }

    @EventHandler
    void on(MonitorPausedEvent event) {
        status(event.monitorId(), MonitorStatus.PAUSED, event.at(), event.by());
    }

    @EventHandler
    void on(MonitorResumedEvent event) {
        status(event.monitorId(), MonitorStatus.ACTIVE, event.at(), event.by());
    }

    @EventHandler
    void on(MonitorDeletedEvent event) {
        status(event.monitorId(), MonitorStatus.DELETED, event.at(), event.by());
    }

    @QueryHandler
    public MonitorList handle(FindMonitorsQuery query) {
        StringBuilder sql = new StringBuilder(
                "SELECT monitor_id, definition, status, updated_at, updated_by FROM monitor_view WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (query.monitorId() != null) {
            sql.append(" AND monitor_id = ?");
            args.add(query.monitorId());
        }
        if (!query.includeDeleted()) {
            sql.append(" AND status <> 'DELETED'");
        }
        sql.append(" ORDER BY lower(name), monitor_id");
        return new MonitorList(jdbc.query(
                sql.toString(),
                (rs, i) -> new MonitorSummary(
                        rs.getString(1),
                        read(rs.getString(2)),
                        MonitorStatus.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)),
                args.toArray()));
    }

    private void status(String monitorId, MonitorStatus status, java.time.Instant at, String by) {
        jdbc.update(
                "UPDATE monitor_view SET status = ?, updated_at = ?, updated_by = ? WHERE monitor_id = ?",
                status.name(),
                Timestamp.from(at),
                by,
                monitorId);
    }

    private String write(MonitorDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write monitor definition", e);
        }
    }

    private MonitorDefinition read(String text) {
        try {
            return json.readValue(text, MonitorDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read monitor definition", e);
        }
    }
}
