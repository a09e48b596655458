package io.vigil.patterns.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.patterns.api.FindModelQuery;
import io.vigil.patterns.api.ModelApprovedEvent;
import io.vigil.patterns.api.ModelEvent;
import io.vigil.patterns.api.ModelOverview;
import io.vigil.patterns.api.ModelPromotedEvent;
import io.vigil.patterns.api.ModelRegisteredEvent;
import io.vigil.patterns.api.ModelRolledBackEvent;
import io.vigil.patterns.api.ModelShadowStoppedEvent;
import io.vigil.patterns.api.ModelShadowedEvent;
import io.vigil.patterns.api.ModelSource;
import io.vigil.patterns.api.ModelVersion;
import io.vigil.patterns.api.ModelVersionState;
import io.vigil.patterns.api.ModelVersionState.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The models' read model in PostgreSQL: each model's live and shadow version and every version with its state. A
 * subscribing processor ({@value #PROCESSING_GROUP}): written in the transaction of the model's event, so the API's
 * answer to a step reads its own change.
 */
@Component
@ProcessingGroup(ModelDirectory.PROCESSING_GROUP)
class ModelDirectory {

    static final String PROCESSING_GROUP = "model-directory";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    ModelDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ModelEvent event) {
        String id = event.modelId();
        jdbc.update(
                "INSERT INTO model_view (model_id, updated_at, updated_by) VALUES (?, ?, ?)"
                        + " ON CONFLICT (model_id) DO UPDATE SET updated_at = excluded.updated_at,"
                        + " updated_by = excluded.updated_by",
                id,
                Timestamp.from(event.at()),
                event.by());
        if (event instanceof ModelRegisteredEvent registered) {
            insert(registered.version());
        } else if (event instanceof ModelApprovedEvent approved) {
            jdbc.update(
                    "UPDATE model_version SET state = ?, approved_by = ?, approved_at = ? WHERE model_id = ?"
                            + " AND number = ?",
                    State.APPROVED.name(),
                    approved.by(),
                    Timestamp.from(approved.at()),
                    id,
                    approved.version());
        } else if (event instanceof ModelPromotedEvent promoted) {
            choose(id, promoted.version().number(), number(promoted.shadow()));
        } else if (event instanceof ModelRolledBackEvent rolledBack) {
            choose(id, number(rolledBack.version()), number(rolledBack.shadow()));
        } else if (event instanceof ModelShadowedEvent shadowed) {
            choose(id, number(shadowed.live()), shadowed.version().number());
        } else if (event instanceof ModelShadowStoppedEvent stopped) {
            choose(id, number(stopped.live()), null);
        }
    }

    private static Integer number(ModelVersion version) {
        return version == null ? null : version.number();
    }

    /** Records the live and shadow versions; a version that left either is retired if it was ever live. */
    private void choose(String id, Integer live, Integer shadow) {
        jdbc.update("UPDATE model_view SET live_version = ?, shadow_version = ? WHERE model_id = ?", live, shadow, id);
        jdbc.update(
                "UPDATE model_version SET state = CASE WHEN number = ? THEN 'LIVE' WHEN number = ? THEN 'SHADOW'"
                        + " WHEN state IN ('LIVE', 'RETIRED') THEN 'RETIRED' ELSE 'APPROVED' END"
                        + " WHERE model_id = ? AND state <> 'CANDIDATE'",
                live,
                shadow,
                id);
    }

    private void insert(ModelVersion v) {
        jdbc.update(
                "INSERT INTO model_version (model_id, number, state, document, sha256, size, features, metrics,"
                        + " trained_from, trained_to, trained_by, source, registered_by, registered_at, training_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (model_id, number) DO NOTHING",
                v.modelId(),
                v.number(),
                State.CANDIDATE.name(),
                v.document(),
                v.sha256(),
                v.size(),
                write(v.features()),
                write(v.metrics()),
                timestamp(v.trainedFrom()),
                timestamp(v.trainedTo()),
                v.trainedBy(),
                v.source().name(),
                v.registeredBy(),
                Timestamp.from(v.registeredAt()),
                v.trainingId());
    }

    @QueryHandler
    ModelOverview handle(FindModelQuery query) {
        List<Integer[]> chosen = jdbc.query(
                "SELECT live_version, shadow_version FROM model_view WHERE model_id = ?",
                (rs, i) -> new Integer[] {(Integer) rs.getObject(1), (Integer) rs.getObject(2)},
                query.modelId());
        List<ModelVersionState> versions = jdbc.query(
                "SELECT number, state, document, sha256, size, features, metrics, trained_from, trained_to,"
                        + " trained_by, source, registered_by, registered_at, approved_by, approved_at, training_id"
                        + " FROM model_version WHERE model_id = ? ORDER BY number DESC",
                (rs, i) -> version(query.modelId(), rs),
                query.modelId());
        Integer[] pair = chosen.isEmpty() ? new Integer[2] : chosen.get(0);
        return new ModelOverview(query.modelId(), pair[0], pair[1], versions);
    }

    private static ModelVersionState version(String modelId, ResultSet rs) throws SQLException {
        ModelVersion version = new ModelVersion(
                modelId,
                rs.getInt("number"),
                rs.getString("document"),
                rs.getString("sha256"),
                rs.getLong("size"),
                read(rs.getString("features"), new TypeReference<List<String>>() {}),
                read(rs.getString("metrics"), new TypeReference<Map<String, Double>>() {}),
                instant(rs.getTimestamp("trained_from")),
                instant(rs.getTimestamp("trained_to")),
                rs.getString("trained_by"),
                ModelSource.valueOf(rs.getString("source")),
                rs.getString("registered_by"),
                instant(rs.getTimestamp("registered_at")),
                rs.getString("training_id"));
        return new ModelVersionState(
                version,
                State.valueOf(rs.getString("state")),
                rs.getString("approved_by"),
                instant(rs.getTimestamp("approved_at")));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
