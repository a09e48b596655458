package io.vigil.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.DecisionReason;
import io.vigil.ingest.api.ListHit;
import io.vigil.ingest.api.ModelScore;
import io.vigil.ingest.api.OutcomeReport;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionReview;
import io.vigil.ingest.api.TransactionView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to {@code GET /api/v1/transactions/{id}}: the submitted fields, the decision fields as the POST answered
 * them, the features the matched patterns saw, the shadow hits and the outcome once reported, and the final decision:
 * for a transaction decided {@code review} its {@code review} and, once reviewed, the review's decision; for any other
 * the decision itself. When a model scored the transaction, {@code model} names its version, its score and the features
 * that moved it most ({@code shadowModel} the same for the shadow model, never used). Absent optional fields are left
 * out; {@code outcome} and {@code finalDecision} are always
 * there, {@code null} when there is none yet.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TransactionResponse(
        String id,
        Instant timestamp,
        BigDecimal amount,
        String currency,
        String merchantId,
        String customerId,
        String cardFingerprint,
        String cardBin,
        String deviceId,
        String ip,
        String email,
        String country,
        String paymentMethod,
        String channel,
        String browser,
        String deviceType,
        Map<String, String> attributes,
        String transactionId,
        String decision,
        Double score,
        List<DecisionReason> reasons,
        Long patternSetVersion,
        Boolean fallback,
        Instant decidedAt,
        Map<String, Object> features,
        List<DecisionReason> shadowHits,
        List<ListHit> listHits,
        ModelScore model,
        ModelScore shadowModel,
        @JsonInclude(JsonInclude.Include.ALWAYS) Outcome outcome,
        List<Outcome> outcomes,
        Review review,
        @JsonInclude(JsonInclude.Include.ALWAYS) String finalDecision) {

    /**
     * The review of a transaction decided {@code review}, as the contract spells it: {@code reviewedAt} and
     * {@code reason} are {@code null} while pending. Who reviewed stays in the console.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Review(String status, Instant reviewedAt, String reason) {

        static Review of(TransactionReview review) {
            return new Review(review.status().wireName(), review.reviewedAt(), review.reason());
        }
    }

    /**
     * One outcome report: {@code outcome} is the latest (the label), {@code outcomes} every report, oldest first.
     * {@code replaced} names the label a report changed explicitly; {@code reportedAt} is when Vigil recorded it;
     * {@code source} says who gave it: {@code client} (an outcome report) or {@code review} (an analyst's review,
     * its reason as the note).
     */
    record Outcome(String outcome, Instant timestamp, String note, String replaced, Instant reportedAt, String source) {

        static Outcome of(OutcomeReport r) {
            return new Outcome(
                    r.outcome().wireName(),
                    r.timestamp(),
                    r.note(),
                    r.replaced() == null ? null : r.replaced().wireName(),
                    r.reportedAt(),
                    r.source().wireName());
        }
    }

    static TransactionResponse of(TransactionView view) {
        TransactionDetails t = view.transaction();
        RiskDecision d = view.decision();
        List<Outcome> outcomes = view.outcomes().stream().map(Outcome::of).toList();
        return new TransactionResponse(
                t.transactionId(),
                t.timestamp(),
                inCurrencyUnits(t.amount(), t.currency()),
                t.currency(),
                t.merchantId(),
                t.customerId(),
                t.cardFingerprint(),
                t.cardBin(),
                t.deviceId(),
                t.ip(),
                t.email(),
                t.country(),
                t.paymentMethod(),
                t.channel(),
                t.browser(),
                t.deviceType(),
                t.attributes(),
                t.transactionId(),
                d == null ? null : d.decision().wireName(),
                d == null ? null : d.score(),
                d == null ? null : d.reasons(),
                d == null ? null : d.patternSetVersion(),
                d == null ? null : d.fallback(),
                d == null ? null : d.decidedAt(),
                d == null ? null : featuresSeen(d),
                d == null ? null : d.shadowHits(),
                d == null ? null : d.listHits(),
                d == null ? null : d.model(),
                d == null ? null : d.shadowModel(),
                view.label().map(Outcome::of).orElse(null),
                outcomes,
                view.review() == null ? null : Review.of(view.review()),
                view.finalDecision().map(Decision::wireName).orElse(null));
    }

    /** Every feature value the matched patterns (active and shadow) read, by qualified name. */
    private static Map<String, Object> featuresSeen(RiskDecision d) {
        Map<String, Object> seen = new TreeMap<>();
        d.reasons().forEach(r -> seen.putAll(r.features()));
        d.shadowHits().forEach(r -> seen.putAll(r.features()));
        return seen;
    }

    /** 129.9 EUR is shown as 129.90, as the client would write it. */
    private static BigDecimal inCurrencyUnits(BigDecimal amount, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits >= 0 && amount.scale() < digits ? amount.setScale(digits, RoundingMode.UNNECESSARY) : amount;
    }
}
