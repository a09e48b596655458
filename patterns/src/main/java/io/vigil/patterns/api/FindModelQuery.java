package io.vigil.patterns.api;

/** A model with every version, newest first; answered with a {@link ModelOverview} (no versions when unknown). */
public record FindModelQuery(String modelId) {}
