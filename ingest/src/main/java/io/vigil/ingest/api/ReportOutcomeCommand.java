package io.vigil.ingest.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Report the outcome of a transaction that was recorded before. */
public record ReportOutcomeCommand(
        @TargetAggregateIdentifier String transactionId, TransactionOutcome outcome, Instant timestamp, String note) {}
