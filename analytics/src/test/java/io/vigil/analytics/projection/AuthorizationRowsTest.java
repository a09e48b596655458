package io.vigil.analytics.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.ModelScore;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDecidedEvent;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.scoring.api.ScoreThresholds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationRowsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:15:30Z");
    private final AuthorizationRows rows = new AuthorizationRows(null, () -> new ScoreThresholds(50, 80));

    @Test
    void aDecisionWithoutAModelIsOneAuthorization() {
        List<ProjectionRow> made = decide("tx-1", new RiskDecision(Decision.REVIEW, 55, List.of(), 1, false, NOW));

        assertThat(made).hasSize(1);
        assertThat(operation(made.get(0))).containsExactly("authorization", 0, "review", "m-1", "SE");
    }

    @Test
    void eachModelsVerdictIsAnOperationOfItsOwn() {
        RiskDecision decision = new RiskDecision(
                Decision.APPROVE,
                12,
                List.of(),
                1,
                false,
                NOW,
                List.of(),
                List.of(),
                new ModelScore("risk", 3, 12, List.of()),
                new ModelScore("risk", 4, 83.5, List.of()));

        List<ProjectionRow> made = decide("tx-2", decision);

        assertThat(made)
                .extracting(ProjectionRow::key)
                .containsExactly("e-tx-2", "e-tx-2/model", "e-tx-2/model_shadow");
        assertThat(operation(made.get(0))).containsExactly("authorization", 1, "", "m-1", "SE");
        assertThat(operation(made.get(1))).containsExactly("model", 1, "", "m-1", "SE");
        assertThat(operation(made.get(2))).containsExactly("model_shadow", 0, "decline", "m-1", "SE");
    }

    @Test
    void aModelScoreAtTheReviewThresholdIsAReview() {
        assertThat(new ScoreThresholds(50, 80).decisionOf(49.99)).isEqualTo("approve");
        assertThat(new ScoreThresholds(50, 80).decisionOf(50)).isEqualTo("review");
        assertThat(new ScoreThresholds(50, 80).decisionOf(80)).isEqualTo("decline");
    }

    private List<ProjectionRow> decide(String id, RiskDecision decision) {
        TransactionDetails details = new TransactionDetails(
                id,
                NOW.minusSeconds(2),
                new BigDecimal("10.00"),
                "EUR",
                "m-1",
                "c-1",
                null,
                null,
                null,
                null,
                null,
                "SE",
                "card",
                "web",
                "chrome",
                "mobile",
                Map.of());
        rows.recorded(new TransactionRecordedEvent(id, details));
        return rows.decided(new TransactionDecidedEvent(id, decision), "e-" + id, NOW);
    }

    /** operation, success, error code, merchant and country of a row of the operations table. */
    private static List<Object> operation(ProjectionRow row) {
        int op = AuthorizationRows.OPERATIONS_COLUMNS.indexOf("operation");
        Object[] v = row.values();
        return List.of(
                v[op],
                v[AuthorizationRows.OPERATIONS_COLUMNS.indexOf("success")],
                v[AuthorizationRows.OPERATIONS_COLUMNS.indexOf("error_code")],
                v[AuthorizationRows.OPERATIONS_COLUMNS.indexOf("merchant_id")],
                v[AuthorizationRows.OPERATIONS_COLUMNS.indexOf("country")]);
    }
}
