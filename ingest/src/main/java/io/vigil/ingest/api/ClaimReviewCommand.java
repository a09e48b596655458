package io.vigil.ingest.api;

/**
 * An analyst claims a pending transaction of the review queue, so that others see it is being worked. A claim lasts
 * {@code vigil.reviews.claim-timeout} (15 minutes unless set) and claiming again extends it. Refused with a
 * {@link ReviewClaimedException} while another analyst's claim runs, and with a {@link ReviewRejectedException} for a
 * transaction that is not pending in the queue.
 */
public record ClaimReviewCommand(String transactionId, String analyst) {}
