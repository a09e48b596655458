package io.vigil.ingest.rest;

import java.util.List;

/** A batch with invalid items; rendered as one 400 validation problem listing each item's index and field. */
class InvalidBatchException extends RuntimeException {

    private final List<ItemViolation> violations;

    InvalidBatchException(List<ItemViolation> violations) {
        super("invalid batch: " + violations.size() + " problems");
        this.violations = List.copyOf(violations);
    }

    List<ItemViolation> violations() {
        return violations;
    }
}
