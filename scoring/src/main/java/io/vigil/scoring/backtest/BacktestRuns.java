package io.vigil.scoring.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.patterns.api.BacktestResult;
import io.vigil.patterns.api.BacktestStatus;
import io.vigil.patterns.api.PatternBacktest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The backtest runs in PostgreSQL ({@code pattern_backtest}): started, their heartbeat with progress and partial
 * counts, finished; read back by any node. A run still marked running whose heartbeat is older than
 * {@link #ABANDONED} was left by a node that stopped, and reads as failed.
 */
final class BacktestRuns {

    static final Duration ABANDONED = Duration.ofMinutes(2);

    private static final String COLUMNS = "run_id, pattern_id, version, subject, expression, effect, range_from,"
            + " range_to, status, progress, requested_by, started_at, heartbeat_at, finished_at, result, error";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    BacktestRuns(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void started(PatternBacktest run, int kept) {
        Timestamp now = Timestamp.from(run.startedAt());
        jdbc.update(
                "INSERT INTO pattern_backtest (run_id, pattern_id, version, subject, expression, effect, range_from,"
                        + " range_to, status, progress, requested_by, started_at, heartbeat_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                run.runId(),
                run.patternId(),
                run.version(),
                run.subject(),
                run.expression(),
                run.effect(),
                Timestamp.from(run.from()),
                Timestamp.from(run.to()),
                BacktestStatus.RUNNING.name(),
                run.requestedBy(),
                now,
                now);
        // keep the newest runs of the pattern; running ones are never removed
        jdbc.update(
                "DELETE FROM pattern_backtest WHERE pattern_id = ? AND status <> 'RUNNING' AND run_id NOT IN"
                        + " (SELECT run_id FROM pattern_backtest WHERE pattern_id = ? ORDER BY started_at DESC"
                        + " LIMIT ?)",
                run.patternId(),
                run.patternId(),
                kept);
    }

    /** Writes the progress and the counts so far; answers whether a cancellation was asked for meanwhile. */
    boolean heartbeat(String runId, double progress, BacktestResult partial) {
        jdbc.update(
                "UPDATE pattern_backtest SET progress = ?, result = ?, heartbeat_at = ? WHERE run_id = ?",
                progress,
                write(partial),
                Timestamp.from(clock.instant()),
                runId);
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT cancel_requested FROM pattern_backtest WHERE run_id = ?", Boolean.class, runId));
    }

    void finished(String runId, BacktestStatus status, double progress, BacktestResult result, String error) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "UPDATE pattern_backtest SET status = ?, progress = ?, result = ?, error = ?, heartbeat_at = ?,"
                        + " finished_at = ? WHERE run_id = ?",
                status.name(),
                progress,
                result == null ? null : write(result),
                error,
                now,
                now,
                runId);
    }

    /** Asks the node running it to stop; false when the run is not running (any more). */
    boolean requestCancel(String runId) {
        return jdbc.update(
                        "UPDATE pattern_backtest SET cancel_requested = TRUE WHERE run_id = ? AND status = 'RUNNING'",
                        runId)
                == 1;
    }

    Optional<PatternBacktest> find(String patternId, String runId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM pattern_backtest WHERE pattern_id = ? AND run_id = ?",
                        this::row,
                        patternId,
                        runId)
                .stream()
                .findFirst();
    }

    List<PatternBacktest> list(String patternId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM pattern_backtest WHERE pattern_id = ? ORDER BY started_at DESC",
                this::row,
                patternId);
    }

    private PatternBacktest row(ResultSet rs, int n) throws SQLException {
        BacktestStatus status = BacktestStatus.valueOf(rs.getString("status"));
        Instant heartbeat = rs.getTimestamp("heartbeat_at").toInstant();
        String error = rs.getString("error");
        if (status == BacktestStatus.RUNNING
                && heartbeat.isBefore(clock.instant().minus(ABANDONED))) {
            status = BacktestStatus.FAILED;
            error = "abandoned: the Vigil running it stopped (no progress since " + heartbeat + ")";
        }
        Timestamp finished = rs.getTimestamp("finished_at");
        return new PatternBacktest(
                rs.getString("run_id"),
                rs.getString("pattern_id"),
                (Integer) rs.getObject("version"),
                rs.getString("subject"),
                rs.getString("expression"),
                rs.getString("effect"),
                rs.getTimestamp("range_from").toInstant(),
                rs.getTimestamp("range_to").toInstant(),
                status,
                rs.getDouble("progress"),
                rs.getString("requested_by"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                read(rs.getString("result")),
                error);
    }

    private String write(BacktestResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a backtest result could not be written as JSON", e);
        }
    }

    private BacktestResult read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, BacktestResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored backtest result could not be read", e);
        }
    }
}
