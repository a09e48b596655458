package io.vigil.patterns.api;

/**
 * A page of the entries of one list of one kind, ordered by value; answered with a {@link ListEntryPage}.
 *
 * @param search part of the value to look for (case-insensitive), or null for every entry
 * @param page from 0
 * @param size entries per page
 */
public record FindListEntriesQuery(ListType list, ListKind kind, String search, int page, int size) {}
