package io.vigil.patterns.query;

import io.vigil.patterns.api.FeatureAggregation;
import io.vigil.patterns.api.FeatureArchivedEvent;
import io.vigil.patterns.api.FeatureDefinedEvent;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.FeatureList;
import io.vigil.patterns.api.FindFeaturesQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The analyst-defined features' read model in PostgreSQL, written in the transaction that stores each feature's event
 * (the subscribing {@value PatternDirectory#PROCESSING_GROUP} processor), so the API reads its own change.
 */
@Component
@ProcessingGroup(PatternDirectory.PROCESSING_GROUP)
class FeatureDirectory {

    private final JdbcTemplate jdbc;

    FeatureDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FeatureDefinedEvent event) {
        FeatureDefinition d = event.definition();
        jdbc.update(
                "INSERT INTO feature_view (name, entity, aggregation, field, window_minutes, filter, description,"
                        + " defined_by, defined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.name(),
                d.entity(),
                d.aggregation().wireName(),
                d.field(),
                d.windowMinutes(),
                d.filter(),
                event.description(),
                event.by(),
                Timestamp.from(event.at()));
    }

    @EventHandler
    void on(FeatureArchivedEvent event) {
        jdbc.update(
                "UPDATE feature_view SET archived_by = ?, archived_at = ?, archive_reason = ? WHERE name = ?",
                event.by(),
                Timestamp.from(event.at()),
                event.reason(),
                event.name());
    }

    @QueryHandler
    FeatureList handle(FindFeaturesQuery query) {
        return new FeatureList(jdbc.query(
                "SELECT * FROM feature_view ORDER BY archived_at IS NOT NULL, name", FeatureDirectory::item));
    }

    private static FeatureList.Item item(ResultSet rs, int row) throws SQLException {
        return new FeatureList.Item(
                new FeatureDefinition(
                        rs.getString("name"),
                        rs.getString("entity"),
                        FeatureAggregation.parse(rs.getString("aggregation")),
                        rs.getString("field"),
                        rs.getInt("window_minutes"),
                        rs.getString("filter")),
                rs.getString("description"),
                rs.getString("defined_by"),
                instant(rs.getTimestamp("defined_at")),
                rs.getTimestamp("archived_at") != null,
                rs.getString("archived_by"),
                instant(rs.getTimestamp("archived_at")),
                rs.getString("archive_reason"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
