package io.vigil.ingest.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Report the outcome of a transaction that was recorded before. A transaction keeps every report; the latest is its
 * label. A report with another label than the current one changes the label, which must be asked for explicitly
 * with {@code replaces}; without it the report is refused with an {@link OutcomeConflictException}.
 *
 * @param replaces the reporter means to change a label reported before
 */
public record ReportOutcomeCommand(
        @TargetAggregateIdentifier String transactionId,
        TransactionOutcome outcome,
        Instant timestamp,
        String note,
        boolean replaces) {

    /** A report that does not change a label reported before. */
    public ReportOutcomeCommand(String transactionId, TransactionOutcome outcome, Instant timestamp, String note) {
        this(transactionId, outcome, timestamp, note, false);
    }
}
