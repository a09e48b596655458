package io.vigil.ingest.api;

import java.util.List;

/**
 * Store a batch of operational events. Events whose id was stored before are ignored; the answer is an
 * {@link OperationalEventsRecorded}.
 */
public record RecordOperationalEventsCommand(List<OperationalEvent> events) {}
