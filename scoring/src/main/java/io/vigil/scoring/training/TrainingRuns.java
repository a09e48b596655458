package io.vigil.scoring.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.scoring.api.LabelTime;
import io.vigil.scoring.api.ModelTrainingStatus;
import io.vigil.scoring.api.TrainedModel;
import io.vigil.scoring.api.TrainingMetrics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The model training runs in PostgreSQL ({@code model_training}), read back by any node. A run still marked running
 * whose heartbeat is older than {@link #ABANDONED} was left by a node that stopped, and reads as failed.
 */
final class TrainingRuns {

    static final Duration ABANDONED = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final Clock clock;

    TrainingRuns(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void started(TrainedModel run) {
        Timestamp now = Timestamp.from(run.startedAt());
        jdbc.update(
                "INSERT INTO model_training (training_id, range_from, range_to, holdout_from, maturity_seconds, trees,"
                        + " label_time, status, progress, started_by, started_at, heartbeat_at, feature_names)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
                run.trainingId(),
                Timestamp.from(run.from()),
                Timestamp.from(run.to()),
                Timestamp.from(run.holdoutFrom()),
                run.maturity().toSeconds(),
                run.trees(),
                run.labelTime().name(),
                ModelTrainingStatus.RUNNING.name(),
                run.startedBy(),
                now,
                now,
                String.join(",", run.featureNames()));
    }

    /** Writes the progress; answers whether a cancellation was asked for meanwhile. */
    boolean heartbeat(String trainingId, double progress) {
        jdbc.update(
                "UPDATE model_training SET progress = ?, heartbeat_at = ? WHERE training_id = ?",
                progress,
                Timestamp.from(clock.instant()),
                trainingId);
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT cancel_requested FROM model_training WHERE training_id = ?", Boolean.class, trainingId));
    }

    void completed(String trainingId, TrainingMetrics metrics, Map<String, Double> importance, byte[] model) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "UPDATE model_training SET status = ?, progress = 1, metrics = ?, importance = ?, model = ?,"
                        + " heartbeat_at = ?, finished_at = ? WHERE training_id = ?",
                ModelTrainingStatus.COMPLETED.name(),
                write(metrics),
                write(importance),
                model,
                now,
                now,
                trainingId);
    }

    void ended(String trainingId, ModelTrainingStatus status, double progress, String error) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "UPDATE model_training SET status = ?, progress = ?, error = ?, heartbeat_at = ?, finished_at = ?"
                        + " WHERE training_id = ?",
                status.name(),
                progress,
                error,
                now,
                now,
                trainingId);
    }

    boolean requestCancel(String trainingId) {
        return jdbc.update(
                        "UPDATE model_training SET cancel_requested = TRUE WHERE training_id = ? AND status = 'RUNNING'",
                        trainingId)
                == 1;
    }

    Optional<TrainedModel> find(String trainingId) {
        return jdbc.query("SELECT * FROM model_training WHERE training_id = ?", this::row, trainingId).stream()
                .findFirst();
    }

    /** The latest runs, newest first, without their model files. */
    List<TrainedModel> latest(int limit) {
        return jdbc.query(
                "SELECT training_id, range_from, range_to, holdout_from, maturity_seconds, trees, label_time, status,"
                        + " progress, started_by, started_at, heartbeat_at, finished_at, feature_names, metrics,"
                        + " importance, NULL::bytea AS model, error FROM model_training ORDER BY started_at DESC LIMIT ?",
                this::row,
                limit);
    }

    private TrainedModel row(ResultSet rs, int n) throws SQLException {
        ModelTrainingStatus status = ModelTrainingStatus.valueOf(rs.getString("status"));
        Instant heartbeat = rs.getTimestamp("heartbeat_at").toInstant();
        String error = rs.getString("error");
        if (status == ModelTrainingStatus.RUNNING
                && heartbeat.isBefore(clock.instant().minus(ABANDONED))) {
            status = ModelTrainingStatus.FAILED;
            error = "abandoned: the Vigil running it stopped (no progress since " + heartbeat + ")";
        }
        Timestamp finished = rs.getTimestamp("finished_at");
        String names = rs.getString("feature_names");
        String metrics = rs.getString("metrics");
        String importance = rs.getString("importance");
        return new TrainedModel(
                rs.getString("training_id"),
                status,
                rs.getDouble("progress"),
                rs.getTimestamp("range_from").toInstant(),
                rs.getTimestamp("range_to").toInstant(),
                rs.getTimestamp("holdout_from").toInstant(),
                Duration.ofSeconds(rs.getLong("maturity_seconds")),
                rs.getInt("trees"),
                LabelTime.valueOf(rs.getString("label_time")),
                rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                names == null || names.isEmpty() ? List.of() : List.of(names.split(",")),
                metrics == null ? null : read(metrics, new TypeReference<TrainingMetrics>() {}),
                importance == null ? null : read(importance, new TypeReference<LinkedHashMap<String, Double>>() {}),
                rs.getBytes("model"),
                error);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
