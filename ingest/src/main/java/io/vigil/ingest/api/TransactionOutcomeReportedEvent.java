package io.vigil.ingest.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A client reported what became of a transaction (chargeback, confirmed fraud or confirmed legitimate). Every report
 * is kept; the latest is the transaction's label.
 *
 * @param replaced the label this report changed, when it changed one explicitly; {@code null} for a first report or
 *     one with the same label (revision 1 had no such component: {@code TransactionOutcomeReportedEvent1_to_2Upcaster})
 */
@Revision("2")
public record TransactionOutcomeReportedEvent(
        String transactionId, TransactionOutcome outcome, Instant timestamp, String note, TransactionOutcome replaced)
        implements TransactionEvent {

    /** A report that changed no label. */
    public TransactionOutcomeReportedEvent(
            String transactionId, TransactionOutcome outcome, Instant timestamp, String note) {
        this(transactionId, outcome, timestamp, note, null);
    }
}
