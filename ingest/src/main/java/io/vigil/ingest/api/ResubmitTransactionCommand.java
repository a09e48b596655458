package io.vigil.ingest.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A transaction id was submitted again: answers the first {@link RiskDecision} when the content is the same and
 * stores nothing, or fails with {@link TransactionConflictException} when it differs.
 */
public record ResubmitTransactionCommand(
        @TargetAggregateIdentifier String transactionId, TransactionDetails transaction) {}
