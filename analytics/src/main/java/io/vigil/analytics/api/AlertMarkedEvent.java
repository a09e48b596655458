package io.vigil.analytics.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An operator marked one incident of an alert; {@code note} is {@code null} when none was given. */
@Revision("1")
public record AlertMarkedEvent(
        String alertId, int incident, String monitorId, AlertVerdict verdict, String by, String note, Instant markedAt)
        implements AlertEvent {}
