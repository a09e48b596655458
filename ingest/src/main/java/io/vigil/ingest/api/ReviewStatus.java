package io.vigil.ingest.api;

import java.util.Locale;

/** Where the review of a transaction decided {@code review} stands. */
public enum ReviewStatus {
    PENDING,
    APPROVED,
    DECLINED;

    /** The lower-case name used on the wire ({@code pending}, {@code approved}, {@code declined}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a review's final decision ends in. */
    public static ReviewStatus of(Decision finalDecision) {
        return switch (finalDecision) {
            case APPROVE -> APPROVED;
            case DECLINE -> DECLINED;
            case REVIEW -> PENDING;
        };
    }
}
