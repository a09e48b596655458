package io.vigil.analytics.api;

import java.time.Instant;

/**
 * One notification delivery and how it went.
 *
 * @param kind firing or resolved
 * @param route the name of the notification route it went along ({@code vigil.monitoring.routes[i].name}); null for a
 *     delivery made before routes had names
 * @param host the receiver's host and port ({@code hooks.slack.com:443}); never the URL's path or query, which for a
 *     Slack incoming webhook is the secret
 * @param status pending (to send or to retry at {@code nextAttemptAt}), delivered, or failed (attempts exhausted)
 */
public record DeliveryStatus(
        String deliveryId,
        String alertId,
        int incident,
        String kind,
        String route,
        String host,
        String format,
        String status,
        int attempts,
        Integer lastHttpStatus,
        String lastError,
        Instant createdAt,
        Instant deliveredAt,
        Instant nextAttemptAt) {}
