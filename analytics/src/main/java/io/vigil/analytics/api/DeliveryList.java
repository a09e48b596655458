package io.vigil.analytics.api;

import java.util.List;

/** The answer to {@link FindDeliveriesQuery}, newest first. */
public record DeliveryList(List<DeliveryStatus> deliveries) {}
