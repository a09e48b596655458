package io.vigil.ingest.api;

import java.time.Instant;

/** Another analyst holds the claim on a transaction in the review queue until {@code until}; nothing is changed. */
public class ReviewClaimedException extends RuntimeException {

    private final String claimedBy;

    public ReviewClaimedException(String transactionId, String claimedBy, Instant until) {
        super("transaction " + transactionId + " is claimed by " + claimedBy + " until " + until);
        this.claimedBy = claimedBy;
    }

    public String claimedBy() {
        return claimedBy;
    }
}
