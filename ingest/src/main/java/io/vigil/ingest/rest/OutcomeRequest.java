package io.vigil.ingest.rest;

import io.vigil.ingest.api.TransactionOutcome;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** The body of {@code POST /api/v1/transactions/{id}/outcome}. */
record OutcomeRequest(String outcome, String timestamp, String note) {

    record Valid(TransactionOutcome outcome, Instant timestamp, String note) {}

    Valid validate(Instant now) {
        Violations v = new Violations();
        TransactionOutcome parsed = null;
        if (v.required("outcome", outcome)) {
            parsed = Arrays.stream(TransactionOutcome.values())
                    .filter(o -> o.wireName().equals(outcome))
                    .findFirst()
                    .orElse(null);
            if (parsed == null) {
                v.add("outcome", "must be one of chargeback, confirmed_fraud, confirmed_legitimate");
            }
        }
        Instant at = now;
        if (timestamp != null) {
            try {
                at = OffsetDateTime.parse(timestamp).toInstant();
            } catch (DateTimeParseException e) {
                v.add("timestamp", "must be an ISO-8601 instant such as 2026-11-23T10:15:30Z");
            }
        }
        v.maxLength("note", note, 2000);
        v.throwIfAny("Invalid outcome");
        return new Valid(parsed, at, note == null || note.isBlank() ? null : note);
    }
}
