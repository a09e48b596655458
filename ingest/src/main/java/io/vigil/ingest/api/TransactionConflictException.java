package io.vigil.ingest.api;

/** The id was already used for a transaction with other content. */
public class TransactionConflictException extends RuntimeException {

    public TransactionConflictException(String transactionId) {
        super("transaction " + transactionId + " was already submitted with different content");
    }
}
