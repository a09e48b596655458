package io.vigil.ingest.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An analyst ends the review of a transaction decided {@code review}: {@code finalDecision} is {@link Decision#APPROVE}
 * or {@link Decision#DECLINE}, and the reason is required. Refused with a {@link ReviewRejectedException} for a
 * transaction not decided {@code review}, one reviewed already, a blank reason or a final decision of {@code review};
 * refused with a {@link ReviewClaimedException} while another analyst holds the transaction's claim.
 *
 * @param reviewer the console user who decides
 */
public record ReviewTransactionCommand(
        @TargetAggregateIdentifier String transactionId,
        Decision finalDecision,
        String reviewer,
        String reason,
        Instant reviewedAt) {

    /** The longest reason, in characters. */
    public static final int MAX_REASON = 1000;
}
