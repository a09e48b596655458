package io.vigil.ingest.rest;

import io.vigil.ingest.api.ApiRules;
import io.vigil.ingest.api.FieldViolation;
import io.vigil.ingest.api.OutcomeFields;
import io.vigil.ingest.api.TransactionOutcome;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/v1/transactions/{id}/outcome}. {@code replaces} (optional, Vigil's extension of the
 * contract) says the report means to change the label reported before; without it a different label is a 409.
 */
record OutcomeRequest(String outcome, String timestamp, String note, Boolean replaces) implements OutcomeFields {

    record Valid(TransactionOutcome outcome, Instant timestamp, String note, boolean replaces) {}

    /** Checks the contract's rules; {@code now} bounds the timestamp and stands in for it when the client gave none. */
    Valid validate(Instant now) {
        List<FieldViolation> violations = ApiRules.outcome(this, now);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid outcome", violations);
        }
        return new Valid(
                TransactionOutcome.ofWireName(outcome).orElseThrow(),
                timestamp == null ? now : ApiRules.instant(timestamp),
                note == null || note.isBlank() ? null : note,
                Boolean.TRUE.equals(replaces));
    }
}
