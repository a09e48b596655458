package io.vigil.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.DecisionReason;
import io.vigil.ingest.api.OutcomeReport;
import io.vigil.ingest.api.OutcomeSource;
import io.vigil.ingest.api.ReviewStatus;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import io.vigil.ingest.api.TransactionReview;
import io.vigil.ingest.api.TransactionView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's {@code review} and {@code finalDecision} fields of {@code GET /api/v1/transactions/{id}}. */
class TransactionResponseTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant DECIDED = Instant.parse("2026-11-23T10:15:30.004Z");
    private static final Instant REVIEWED = Instant.parse("2026-11-23T10:40:00Z");

    @Test
    void aPendingReviewHasAPendingReviewAndNoFinalDecisionYet() {
        JsonNode json = json(
                new TransactionView(details(), decided(Decision.REVIEW), null, List.of(), TransactionReview.PENDING));

        assertThat(json.path("decision").asText()).isEqualTo("review");
        assertThat(json.path("review").path("status").asText()).isEqualTo("pending");
        assertThat(json.path("review").has("reviewedAt")).isTrue();
        assertThat(json.path("review").path("reviewedAt").isNull()).isTrue();
        assertThat(json.path("review").path("reason").isNull()).isTrue();
        assertThat(json.has("finalDecision")).isTrue();
        assertThat(json.path("finalDecision").isNull()).isTrue();
        assertThat(json.path("outcome").isNull()).isTrue();
    }

    @Test
    void aDeclinedReviewIsTheFinalDecisionAndLabelsTheTransactionConfirmedFraudFromTheReview() {
        OutcomeReport fromReview = new OutcomeReport(
                TransactionOutcome.CONFIRMED_FRAUD,
                REVIEWED,
                "card reported stolen",
                null,
                REVIEWED,
                OutcomeSource.REVIEW);
        JsonNode json = json(new TransactionView(
                details(),
                decided(Decision.REVIEW),
                null,
                List.of(fromReview),
                new TransactionReview(ReviewStatus.DECLINED, "alice", "card reported stolen", REVIEWED)));

        assertThat(json.path("review").path("status").asText()).isEqualTo("declined");
        assertThat(json.path("review").path("reviewedAt").asText()).isEqualTo("2026-11-23T10:40:00Z");
        assertThat(json.path("review").path("reason").asText()).isEqualTo("card reported stolen");
        assertThat(json.path("review").has("reviewer")).isFalse();
        assertThat(json.path("finalDecision").asText()).isEqualTo("decline");
        assertThat(json.path("decision").asText()).isEqualTo("review");
        assertThat(json.path("outcome").path("outcome").asText()).isEqualTo("confirmed_fraud");
        assertThat(json.path("outcome").path("source").asText()).isEqualTo("review");
    }

    @Test
    void anApprovedReviewIsTheFinalDecisionApprove() {
        JsonNode json = json(new TransactionView(
                details(),
                decided(Decision.REVIEW),
                null,
                List.of(),
                new TransactionReview(ReviewStatus.APPROVED, "alice", "customer called", REVIEWED)));

        assertThat(json.path("finalDecision").asText()).isEqualTo("approve");
        assertThat(json.path("review").path("status").asText()).isEqualTo("approved");
    }

    @Test
    void otherDecisionsAreTheirOwnFinalDecisionWithNoReview() {
        for (Decision decision : List.of(Decision.APPROVE, Decision.DECLINE)) {
            JsonNode json = json(new TransactionView(details(), decided(decision), null, List.of()));

            assertThat(json.path("finalDecision").asText()).isEqualTo(decision.wireName());
            assertThat(json.has("review")).as(decision.wireName()).isFalse();
        }
    }

    @Test
    void aClientsChargebackStaysTheLabelWhenAReviewApprovesLater() {
        Instant reported = Instant.parse("2026-11-23T10:20:00Z");
        TransactionOutcomeReportedEvent chargeback =
                new TransactionOutcomeReportedEvent("tx-1", TransactionOutcome.CHARGEBACK, reported, "issuer");
        List<OutcomeReport> outcomes = List.of(
                new OutcomeReport(
                        TransactionOutcome.CHARGEBACK, reported, "issuer", null, reported, OutcomeSource.CLIENT),
                new OutcomeReport(
                        TransactionOutcome.CONFIRMED_LEGITIMATE,
                        REVIEWED,
                        "customer called",
                        null,
                        REVIEWED,
                        OutcomeSource.REVIEW));
        JsonNode json = json(new TransactionView(
                details(),
                decided(Decision.REVIEW),
                chargeback,
                outcomes,
                new TransactionReview(ReviewStatus.APPROVED, "alice", "customer called", REVIEWED)));

        assertThat(json.path("outcome").path("outcome").asText()).isEqualTo("chargeback");
        assertThat(json.path("outcome").path("source").asText()).isEqualTo("client");
        assertThat(json.path("outcomes")).hasSize(2);
        assertThat(json.path("outcomes").get(1).path("outcome").asText()).isEqualTo("confirmed_legitimate");
        assertThat(json.path("outcomes").get(1).path("source").asText()).isEqualTo("review");
        // the final decision is the review's all the same: it is what Vigil decided, the label is what happened
        assertThat(json.path("finalDecision").asText()).isEqualTo("approve");
    }

    @Test
    void aClientsReportAfterAReviewBecomesTheLabel() {
        Instant reported = Instant.parse("2026-11-30T08:00:00Z");
        List<OutcomeReport> outcomes = List.of(
                new OutcomeReport(
                        TransactionOutcome.CONFIRMED_LEGITIMATE,
                        REVIEWED,
                        "customer called",
                        null,
                        REVIEWED,
                        OutcomeSource.REVIEW),
                new OutcomeReport(TransactionOutcome.CHARGEBACK, reported, null, null, reported, OutcomeSource.CLIENT));
        TransactionView view = new TransactionView(
                details(),
                decided(Decision.REVIEW),
                new TransactionOutcomeReportedEvent("tx-1", TransactionOutcome.CHARGEBACK, reported, null),
                outcomes,
                new TransactionReview(ReviewStatus.APPROVED, "alice", "customer called", REVIEWED));

        assertThat(json(view).path("outcome").path("outcome").asText()).isEqualTo("chargeback");
    }

    private static JsonNode json(TransactionView view) {
        return JSON.valueToTree(TransactionResponse.of(view));
    }

    private static RiskDecision decided(Decision decision) {
        return new RiskDecision(
                decision, 40, List.of(new DecisionReason("p-high-amount", "High amount", "review")), 7, false, DECIDED);
    }

    private static TransactionDetails details() {
        return new TransactionDetails(
                "tx-1",
                Instant.parse("2026-11-23T10:15:30Z"),
                new BigDecimal("1500"),
                "EUR",
                "m-42",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of());
    }
}
