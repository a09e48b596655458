package io.vigil.ingest.rest;

import io.vigil.ingest.api.DecisionReason;
import io.vigil.ingest.api.ListHit;
import io.vigil.ingest.api.RiskDecision;
import java.time.Instant;
import java.util.List;

/**
 * The answer to {@code POST /api/v1/transactions}, field for field as the public contract shows it, plus two fields the
 * contract allows as extensions: {@code listHits} (allow and block list entries that matched, always present, often
 * empty) and, in each reason, {@code features} (the feature values the pattern read).
 */
record DecisionResponse(
        String transactionId,
        String decision,
        double score,
        List<DecisionReason> reasons,
        long patternSetVersion,
        boolean fallback,
        Instant decidedAt,
        List<ListHit> listHits) {

    static DecisionResponse of(String transactionId, RiskDecision decision) {
        return new DecisionResponse(
                transactionId,
                decision.decision().wireName(),
                decision.score(),
                decision.reasons(),
                decision.patternSetVersion(),
                decision.fallback(),
                decision.decidedAt(),
                decision.listHits());
    }
}
