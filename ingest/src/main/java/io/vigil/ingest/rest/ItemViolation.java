package io.vigil.ingest.rest;

/** One invalid field of one item of a batch, by the item's index in the request array. */
public record ItemViolation(int index, String field, String message) {}
