package io.vigil.ingest.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A batch of operational events was stored. One event per request batch keeps the event store at one row per batch
 * rather than one per operational event; every event in it has an id never recorded before.
 */
@Revision("1")
public record OperationalEventsRecordedEvent(List<OperationalEvent> events) {}
