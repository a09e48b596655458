package io.vigil.ingest.api;

import org.axonframework.serialization.Revision;

/** Scoring decided the transaction; this is the decision the client was given. */
@Revision("1")
public record TransactionDecidedEvent(String transactionId, RiskDecision decision) implements TransactionEvent {}
