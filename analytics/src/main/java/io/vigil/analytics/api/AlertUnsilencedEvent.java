package io.vigil.analytics.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An operator lifted the alert's silence. */
@Revision("1")
public record AlertUnsilencedEvent(String alertId, String by, Instant unsilencedAt) implements AlertEvent {}
