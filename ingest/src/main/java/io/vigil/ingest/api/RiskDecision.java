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
 * @param model the live model's score of this transaction, from which {@code score} starts; null when no model was
 *     live (and for decisions made before models existed)
 * @param shadowModel the shadow model's score: recorded, never part of the decision; null when none
 */
public record RiskDecision(
        Decision decision,
        double score,
        List<DecisionReason> reasons,
        long patternSetVersion,
        boolean fallback,
        Instant decidedAt,
        List<DecisionReason> shadowHits,
        List<ListHit> listHits,
        ModelScore model,
        ModelScore shadowModel) {

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

    public RiskDecision(
            Decision decision,
            double score,
            List<DecisionReason> reasons,
            long patternSetVersion,
            boolean fallback,
            Instant decidedAt,
            List<DecisionReason> shadowHits,
            List<ListHit> listHits) {
        this(decision, score, reasons, patternSetVersion, fallback, decidedAt, shadowHits, listHits, null, null);
    }
}
