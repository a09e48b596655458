package io.vigil.ingest.api;

/** One transaction of the review queue, pending or reviewed, answered with an optional {@link ReviewItem}. */
public record FindReviewItemQuery(String transactionId) {}
