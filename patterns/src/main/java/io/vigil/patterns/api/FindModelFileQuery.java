package io.vigil.patterns.api;

/** The file of a model version, read from its document's attachment; answered with a {@link ModelFile}. */
public record FindModelFileQuery(String document) {}
