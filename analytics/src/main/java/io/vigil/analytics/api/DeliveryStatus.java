package io.vigil.analytics.api;

import java.time.Instant;

/**
 * One notification delivery and how it went.
 *
 * @param kind firing or resolved
 * @param status pending (to send or to retry at {@code nextAttemptAt}), delivered, or failed (attempts exhausted)
 */
public record DeliveryStatus(
        String deliveryId,
        String alertId,
        int incident,
        String kind,
        String url,
        String format,
        String status,
        int attempts,
        Integer lastHttpStatus,
        String lastError,
        Instant createdAt,
        Instant deliveredAt,
        Instant nextAttemptAt) {}
