package io.vigil.ingest.rest;

import io.vigil.ingest.api.FieldViolation;
import java.util.List;

/** A request body that parsed but broke the contract's rules; rendered as a 400 validation problem. */
public class InvalidRequestException extends RuntimeException {

    private final String title;
    private final List<FieldViolation> violations;

    public InvalidRequestException(String title, List<FieldViolation> violations) {
        super(title + ": " + violations);
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
