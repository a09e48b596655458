package io.vigil.ingest.rest;

import io.vigil.ingest.api.ReviewItem;
import io.vigil.ingest.api.ReviewQueuePage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A transaction of the review queue as {@code /api/v1/reviews} answers it, with the contract's lower-case names
 * ({@code status} {@code pending}, {@code approved} or {@code declined}). {@code claimedBy} and {@code claimExpiresAt}
 * are {@code null} when no claim runs.
 */
record ReviewResponse(
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
        String status,
        String claimedBy,
        Instant claimExpiresAt,
        String reviewedBy,
        Instant reviewedAt,
        String reason) {

    static ReviewResponse of(ReviewItem item) {
        return new ReviewResponse(
                item.transactionId(),
                item.timestamp(),
                item.decidedAt(),
                item.merchantId(),
                item.customerId(),
                item.cardFingerprint(),
                item.amount(),
                item.currency(),
                item.score(),
                item.patternIds(),
                item.status().wireName(),
                item.claimedBy(),
                item.claimExpiresAt(),
                item.reviewedBy(),
                item.reviewedAt(),
                item.reason());
    }

    /** One page of the pending queue: its items, how many match in all, and the page asked for. */
    record Page(List<ReviewResponse> items, long total, int page, int size) {

        static Page of(ReviewQueuePage page) {
            return new Page(
                    page.items().stream().map(ReviewResponse::of).toList(), page.total(), page.page(), page.size());
        }
    }
}
