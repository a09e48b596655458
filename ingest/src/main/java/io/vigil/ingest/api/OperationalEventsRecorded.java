package io.vigil.ingest.api;

/** The answer to {@link RecordOperationalEventsCommand}: how many events were new and how many were repeats. */
public record OperationalEventsRecorded(int recorded, int repeats) {}
