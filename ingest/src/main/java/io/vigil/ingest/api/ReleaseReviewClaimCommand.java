package io.vigil.ingest.api;

/** An analyst gives back a claim on a transaction of the review queue; releasing a claim one does not hold does nothing. */
public record ReleaseReviewClaimCommand(String transactionId, String analyst) {}
