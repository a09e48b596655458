package io.vigil.analytics.api;

/** Send a failed notification delivery again. Answers true when it was failed and is queued again. */
public record RetryDeliveryCommand(String deliveryId) {}
