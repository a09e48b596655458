package io.vigil.ingest.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An analyst reviewed a transaction decided {@code review}: {@code finalDecision} ({@code approve} or {@code decline})
 * is the transaction's final decision, and {@code label} the label the review gives it ({@code confirmed_fraud} for
 * a decline, {@code confirmed_legitimate} for an approval). A client's own outcome report outranks that label (see
 * {@link TransactionView#label()}).
 */
@Revision("1")
public record TransactionReviewedEvent(
        String transactionId,
        Decision finalDecision,
        String reviewer,
        String reason,
        Instant reviewedAt,
        TransactionOutcome label)
        implements TransactionEvent {

    /** The label a review's final decision gives: declined is confirmed fraud, approved is confirmed legitimate. */
    public static TransactionOutcome labelOf(Decision finalDecision) {
        return switch (finalDecision) {
            case DECLINE -> TransactionOutcome.CONFIRMED_FRAUD;
            case APPROVE -> TransactionOutcome.CONFIRMED_LEGITIMATE;
            case REVIEW -> throw new IllegalArgumentException("a review ends with approve or decline");
        };
    }
}
