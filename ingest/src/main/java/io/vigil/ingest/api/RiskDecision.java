package io.vigil.ingest.api;

import java.time.Instant;
import java.util.List;

/**
 * The risk decision for one transaction, as stored in {@link TransactionDecidedEvent} and returned to the client.
 *
 * @param score 0..100, higher is riskier
 * @param patternSetVersion version of the pattern set the decision was made with
 * @param fallback true when a time budget or a failure forced the configured fallback decision
 */
public record RiskDecision(
        Decision decision,
        double score,
        List<DecisionReason> reasons,
        long patternSetVersion,
        boolean fallback,
        Instant decidedAt) {

    public RiskDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
