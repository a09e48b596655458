package io.vigil.analytics.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A monitor was resumed. */
@Revision("1")
public record MonitorResumedEvent(String monitorId, String by, Instant at) implements MonitorEvent {}
