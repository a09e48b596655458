package io.vigil.analytics.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A monitor was paused. */
@Revision("1")
public record MonitorPausedEvent(String monitorId, String by, Instant at) implements MonitorEvent {}
