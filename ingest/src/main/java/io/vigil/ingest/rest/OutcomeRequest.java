package io.vigil.ingest.rest;

import io.vigil.ingest.api.ApiRules;
import io.vigil.ingest.api.FieldViolation;
import io.vigil.ingest.api.OutcomeFields;
import io.vigil.ingest.api.TransactionOutcome;
import java.time.Instant;
import java.util.List;

/** The body of {@code POST /api/v1/transactions/{id}/outcome}. */
record OutcomeRequest(String outcome, String timestamp, String note) implements OutcomeFields {

    record Valid(TransactionOutcome outcome, Instant timestamp, String note) {}

    /** Checks the contract's rules; {@code now} is the outcome's time when the client gave none. */
    Valid validate(Instant now) {
        List<FieldViolation> violations = ApiRules.outcome(this);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid outcome", violations);
        }
        return new Valid(
                TransactionOutcome.ofWireName(outcome).orElseThrow(),
                timestamp == null ? now : ApiRules.instant(timestamp),
                note == null || note.isBlank() ? null : note);
    }
}
