package io.vigil.ingest.api;

/**
 * One broken rule of the public API: the field (a JSON name such as {@code amount} or {@code attributes.x}) and what
 * is wrong with it; listed as it is in the {@code errors} member of a validation problem.
 */
public record FieldViolation(String field, String message) {}
