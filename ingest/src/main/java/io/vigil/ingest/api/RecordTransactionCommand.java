package io.vigil.ingest.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a new transaction and decide it; answers the {@link RiskDecision}. It never reads the event store: when the
 * id is already taken the append fails (Axon's {@code AggregateStreamCreationException}) and the sender asks with
 * {@link ResubmitTransactionCommand} instead.
 */
public record RecordTransactionCommand(
        @TargetAggregateIdentifier String transactionId, TransactionDetails transaction) {}
