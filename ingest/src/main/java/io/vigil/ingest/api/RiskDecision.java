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
 * @param listHits allow and block list entries that matched: a block hit declines, an allow hit approves unless a
 *     block list also hits
 */
public record RiskDecision(
        Decision decision,
        double score,
        List<DecisionReason> reasons,
        long patternSetVersion,
        boolean fallback,
        Instant decidedAt,
        List<DecisionReason> shadowHits,
        List<ListHit> listHits) {

    public RiskDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        shadowHits = shadowHits == null ? List.of() : List.copyOf(shadowHits);
        listHits = listHits == null ? List.of() : List.copyOf(listHits);
    }

    public RiskDecision(
            Decision decision,
            double score,
            List<DecisionReason> reasons,
            long patternSetVersion,
            boolean fallback,
            Instant decidedAt) {
        this(decision, score, reasons, patternSetVersion, fallback, decidedAt, List.of(), List.of());
    }
}
