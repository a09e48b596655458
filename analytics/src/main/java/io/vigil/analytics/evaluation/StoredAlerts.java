package io.vigil.analytics.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.analytics.api.AlertVerdict;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A monitor's stored alerts over a stretch of time, with their operators' marks: what the live evaluator and the
 * backtest leave out of baselines, and what the backtest is scored against.
 */
@Component
class StoredAlerts {

    /** One incident of an alert, over [from, to) in epoch seconds (to: its resolution, or the end asked while open). */
    record StoredAlert(Map<String, String> series, long from, long to, AlertVerdict verdict) {

        PastIncidents.Incident asPastIncident() {
            return new PastIncidents.Incident(series, from, to);
        }
    }

    /** The alerts among {@code stored} that no operator marked "not an incident", as incidents to leave out. */
    static PastIncidents pastIncidents(List<StoredAlert> stored) {
        List<PastIncidents.Incident> incidents = stored.stream()
                .filter(a -> a.verdict() != AlertVerdict.NOT_AN_INCIDENT)
                .map(StoredAlert::asPastIncident)
                .toList();
        return incidents.isEmpty() ? PastIncidents.NONE : new PastIncidents(incidents);
    }

    private static final TypeReference<Map<String, String>> SERIES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    StoredAlerts(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The incidents of {@code monitorId} whose anomalous minute is in [since, until). */
    List<StoredAlert> of(String monitorId, Instant since, Instant until) {
        return jdbc.query(
                "SELECT series, minute, resolved_at, verdict FROM alert_view WHERE monitor_id = ? AND minute >= ?"
                        + " AND minute < ?",
                (rs, i) -> new StoredAlert(
                        series(rs.getString(1)),
                        rs.getTimestamp(2).toInstant().getEpochSecond(),
                        rs.getTimestamp(3) == null
                                ? until.getEpochSecond()
                                : rs.getTimestamp(3).toInstant().getEpochSecond(),
                        rs.getString(4) == null ? null : AlertVerdict.valueOf(rs.getString(4))),
                monitorId,
                Timestamp.from(since),
                Timestamp.from(until));
    }

    /** The incidents before {@code minute} within {@code reach} seconds that no operator marked "not an incident". */
    PastIncidents past(String monitorId, Instant minute, long reach) {
        return pastIncidents(of(monitorId, minute.minusSeconds(reach + 60), minute.plusSeconds(60)));
    }

    private Map<String, String> series(String text) {
        try {
            return json.readValue(text, SERIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable alert series", e);
        }
    }
}
