package io.vigil.analytics.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A monitor was created with this definition. */
@Revision("1")
public record MonitorCreatedEvent(String monitorId, MonitorDefinition definition, String by, Instant at)
        implements MonitorEvent {}
