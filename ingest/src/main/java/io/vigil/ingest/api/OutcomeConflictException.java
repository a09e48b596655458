package io.vigil.ingest.api;

/**
 * An outcome report would change a transaction's label without saying so: the client must send
 * {@code "replaces": true} to change it. Nothing is recorded.
 */
public class OutcomeConflictException extends RuntimeException {

    public OutcomeConflictException(String transactionId, TransactionOutcome current, TransactionOutcome reported) {
        super("transaction " + transactionId + " is labelled " + current.wireName() + "; to change the label to "
                + reported.wireName() + ", report it with \"replaces\": true");
    }
}
