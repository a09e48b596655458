package io.vigil.ingest.api;

import java.time.Instant;

/**
 * The review of a transaction decided {@code review}: pending until an analyst decides, then approved or declined,
 * by whom, when and why ({@code reviewer}, {@code reviewedAt} and {@code reason} are {@code null} while pending).
 */
public record TransactionReview(ReviewStatus status, String reviewer, String reason, Instant reviewedAt) {

    public static final TransactionReview PENDING = new TransactionReview(ReviewStatus.PENDING, null, null, null);

    public static TransactionReview of(TransactionReviewedEvent event) {
        return new TransactionReview(
                ReviewStatus.of(event.finalDecision()), event.reviewer(), event.reason(), event.reviewedAt());
    }
}
