package io.vigil.ingest.api;

import org.axonframework.serialization.Revision;

/** A transaction was accepted and stored; always followed, in the same commit, by {@link TransactionDecidedEvent}. */
@Revision("1")
public record TransactionRecordedEvent(String transactionId, TransactionDetails transaction)
        implements TransactionEvent {}
