package io.vigil.patterns.api;

/**
 * The history of list changes, newest first; answered with a {@link ListChangePage}.
 *
 * @param list one list, or null for both
 * @param kind one kind, or null for every kind
 */
public record FindListChangesQuery(ListType list, ListKind kind, int page, int size) {}
