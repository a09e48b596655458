package io.vigil.ingest.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A client reported what became of a transaction (chargeback, confirmed fraud or confirmed legitimate). */
@Revision("1")
public record TransactionOutcomeReportedEvent(
        String transactionId, TransactionOutcome outcome, Instant timestamp, String note) implements TransactionEvent {}
