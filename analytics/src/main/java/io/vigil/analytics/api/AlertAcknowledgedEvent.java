package io.vigil.analytics.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An operator took on the open incident; {@code note} is {@code null} when none was given. */
@Revision("1")
public record AlertAcknowledgedEvent(String alertId, int incident, String by, String note, Instant acknowledgedAt)
        implements AlertEvent {}
