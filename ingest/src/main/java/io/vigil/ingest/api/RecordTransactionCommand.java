package io.vigil.ingest.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a transaction and decide it. Answers the {@link RiskDecision}; a repeat with identical content answers the
 * first decision and stores nothing, a repeat with other content fails with {@link TransactionConflictException}.
 */
public record RecordTransactionCommand(
        @TargetAggregateIdentifier String transactionId, TransactionDetails transaction) {}
