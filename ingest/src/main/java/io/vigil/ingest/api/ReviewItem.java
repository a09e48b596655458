package io.vigil.ingest.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A transaction in the review queue.
 *
 * @param timestamp the transaction's own time
 * @param decidedAt when it was decided {@code review}: its age in the queue counts from here
 * @param patternIds the patterns that matched
 * @param claimedBy the analyst whose claim runs now, {@code null} when nobody's does (an expired claim is none)
 * @param claimExpiresAt when that claim ends, {@code null} without one
 * @param reviewedBy who reviewed it, {@code null} while pending
 */
public record ReviewItem(
        String transactionId,
        Instant timestamp,
        Instant decidedAt,
        String merchantId,
        String customerId,
        String cardFingerprint,
        BigDecimal amount,
        String currency,
        double score,
        List<String> patternIds,
        ReviewStatus status,
        String claimedBy,
        Instant claimExpiresAt,
        String reviewedBy,
        Instant reviewedAt,
        String reason) {

    public ReviewItem {
        patternIds = patternIds == null ? List.of() : List.copyOf(patternIds);
    }

    /** Whether {@code analyst} may work it now: it is pending and nobody else's claim runs. */
    public boolean workableBy(String analyst) {
        return status == ReviewStatus.PENDING && (claimedBy == null || claimedBy.equals(analyst));
    }
}
