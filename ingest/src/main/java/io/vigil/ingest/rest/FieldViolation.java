package io.vigil.ingest.rest;

/** One invalid field of a request, as listed in the {@code errors} member of a validation problem. */
public record FieldViolation(String field, String message) {}
