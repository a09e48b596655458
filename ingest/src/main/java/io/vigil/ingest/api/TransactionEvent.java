package io.vigil.ingest.api;

/** Marker for every event of the Transaction aggregate; projections sequence by {@link #transactionId()}. */
public sealed interface TransactionEvent
        permits TransactionRecordedEvent,
                TransactionDecidedEvent,
                TransactionOutcomeReportedEvent,
                TransactionReviewedEvent {

    String transactionId();
}
