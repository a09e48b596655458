package io.vigil.analytics.api;

/** The latest notification deliveries, of one alert or of all ({@code alertId} null). Answered with a {@link DeliveryList}. */
public record FindDeliveriesQuery(String alertId, int limit) {}
