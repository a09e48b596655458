package io.vigil.patterns.api;

/** Every list of every kind with its counts; answered with a {@link ListOverview}. */
public record FindListsQuery() {}
