package io.vigil.ingest.api;

/**
 * A review that cannot be recorded: the transaction was not decided {@code review}, was reviewed already, or the
 * review has no reason or no final decision of {@code approve} or {@code decline}. Nothing is recorded.
 */
public class ReviewRejectedException extends RuntimeException {

    public ReviewRejectedException(String message) {
        super(message);
    }
}
