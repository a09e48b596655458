package io.vigil.analytics.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A monitor was deleted. */
@Revision("1")
public record MonitorDeletedEvent(String monitorId, String by, Instant at) implements MonitorEvent {}
