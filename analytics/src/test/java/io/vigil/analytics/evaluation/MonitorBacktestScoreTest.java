package io.vigil.analytics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.api.AlertVerdict;
import io.vigil.analytics.api.BacktestResult;
import io.vigil.analytics.api.Observation;
import io.vigil.analytics.evaluation.StoredAlerts.StoredAlert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A backtest is scored against the alerts operators marked: incidents found and missed, false alarms repeated. */
class MonitorBacktestScoreTest {

    private static final Instant FROM = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant TO = FROM.plusSeconds(86_400);
    private static final Observation DROP = new Observation(10, 40, Observation.BASELINE, 1e-9, 90, 10);
    private static final Map<String, String> SE = Map.of("merchant", "m-1", "country", "SE");
    private static final Map<String, String> NO = Map.of("merchant", "m-1", "country", "NO");

    private static BacktestResult.Incident incident(Map<String, String> series, long secondsIn) {
        Instant raised = FROM.plusSeconds(secondsIn);
        return new BacktestResult.Incident(series, raised, raised.plusSeconds(300), DROP);
    }

    private static StoredAlert alert(Map<String, String> series, long secondsIn, AlertVerdict verdict) {
        long at = FROM.getEpochSecond() + secondsIn;
        return new StoredAlert(series, at, at + 240, verdict);
    }

    @Test
    void theBacktestIsScoredAgainstTheMarks() {
        List<BacktestResult.Incident> incidents = List.of(
                incident(SE, 3_600), // matches a real incident raised 2 minutes later
                incident(Map.of("merchant", "m-1"), 7_200), // the parent of a false alarm's series
                incident(NO, 30_000)); // matches nothing marked
        List<StoredAlert> stored = List.of(
                alert(SE, 3_720, AlertVerdict.INCIDENT),
                alert(SE, 50_000, AlertVerdict.INCIDENT), // the backtest does not raise it
                alert(NO, 7_260, AlertVerdict.NOT_AN_INCIDENT),
                alert(NO, 60_000, null), // not marked: not scored
                alert(SE, -3_600, AlertVerdict.INCIDENT)); // before the range: not scored

        BacktestResult result = MonitorBacktest.scored(1_440, 2, incidents, stored, FROM, TO);

        assertThat(result.marks()).isEqualTo(new BacktestResult.Marks(2, 1, 1, 1, 1));
        assertThat(result.incidents())
                .extracting(BacktestResult.Incident::marked)
                .containsExactly(AlertVerdict.INCIDENT, AlertVerdict.NOT_AN_INCIDENT, null);
    }
}
