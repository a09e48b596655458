package io.vigil.ingest.api;

import org.axonframework.serialization.Revision;

/**
 * A transaction was accepted and stored; always followed, in the same commit, by {@link TransactionDecidedEvent}. Its
 * meta-data names the API caller that submitted it under {@link #SUBMITTER}, when there was one.
 */
@Revision("1")
public record TransactionRecordedEvent(String transactionId, TransactionDetails transaction)
        implements TransactionEvent {

    /** The meta-data key of the submitting API caller ({@code key NAME (PREFIX)}), on the command and the event. */
    public static final String SUBMITTER = "submitter";
}
