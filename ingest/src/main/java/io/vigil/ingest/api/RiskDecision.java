package io.vigil.ingest.api;

import java.time.Instant;
import java.util.List;

/**
 * The risk decision for one transaction, as stored in {@link TransactionDecidedEvent} and returned to the client.
 *
 * @param score 0..100, higher is riskier
 * @param patternSetVersion version of the pattern set the decision was made with
 * @param fallback true when a time budget or a failure forced the configured fallback decision
 * @param shadowHits patterns in shadow mode that matched: recorded, never part of the decision
 */
public record RiskDecision(
        Decision decision,
        double score,
        List<DecisionReason> reasons,
        long patternSetVersion,
        boolean fallback,
        Instant decidedAt,
        List<DecisionReason> shadowHits) {

    public RiskDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        shadowHits = shadowHits == null ? List.of() : List.copyOf(shadowHits);
    }

    public RiskDecision(
            Decision decision,
            double score,
            List<DecisionReason> reasons,
            long patternSetVersion,
            boolean fallback,
            Instant decidedAt) {
        this(decision, score, reasons, patternSetVersion, fallback, decidedAt, List.of());
    }
}
