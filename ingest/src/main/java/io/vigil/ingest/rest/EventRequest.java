package io.vigil.ingest.rest;

import static io.vigil.ingest.api.TransactionFields.blankToNull;
import static io.vigil.ingest.api.TransactionFields.lowerCase;

import io.vigil.ingest.api.ApiRules;
import io.vigil.ingest.api.EventFields;
import io.vigil.ingest.api.EventOutcome;
import io.vigil.ingest.api.FieldViolation;
import io.vigil.ingest.api.OperationalEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One operational event as the public contract names its fields ({@code POST /api/v1/events}). */
record EventRequest(
        String id,
        String timestamp,
        String merchantId,
        String operation,
        String outcome,
        String errorCode,
        String country,
        String paymentMethod,
        String channel,
        String browser,
        String deviceType)
        implements EventFields {

    /** Every rule of the contract this event breaks, its time at most {@code maxAge} old; empty when it is valid. */
    List<FieldViolation> violations(Instant now, Duration maxAge) {
        return ApiRules.event(this, now, maxAge);
    }

    /** The event as monitors count it; only for an event without {@link #violations}. */
    OperationalEvent toEvent() {
        return new OperationalEvent(
                id,
                ApiRules.instant(timestamp),
                merchantId,
                operation,
                outcome.equals(EventOutcome.SUCCESS.wireName()),
                blankToNull(errorCode),
                blankToNull(country),
                blankToNull(paymentMethod),
                blankToNull(channel),
                lowerCase(browser),
                lowerCase(deviceType));
    }
}
