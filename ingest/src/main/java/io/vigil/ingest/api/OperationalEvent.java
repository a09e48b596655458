package io.vigil.ingest.api;

import java.time.Instant;

/**
 * One operational event of a partner integration (a checkout session, an authorization, an order), as monitors count
 * it. Optional dimensions are {@code null} when the client did not send them.
 *
 * @param success true for {@code outcome = success}
 */
public record OperationalEvent(
        String eventId,
        Instant timestamp,
        String merchantId,
        String operation,
        boolean success,
        String errorCode,
        String country,
        String paymentMethod,
        String channel,
        String browser,
        String deviceType) {}
