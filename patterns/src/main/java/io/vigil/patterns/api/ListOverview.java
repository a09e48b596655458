package io.vigil.patterns.api;

import java.time.Instant;
import java.util.List;

/** The allow and block lists of each kind, empty ones included, block lists first. */
public record ListOverview(List<Summary> lists) {

    public ListOverview {
        lists = List.copyOf(lists);
    }

    /**
     * One list of one kind.
     *
     * @param entries the values on it, expired ones included
     * @param active those that have not expired
     * @param version the number of changes made to it (0: never changed)
     * @param lastChangeAt when it last changed, null if never
     * @param lastChangeBy who changed it last, null if never
     */
    public record Summary(
            ListType list,
            ListKind kind,
            long entries,
            long active,
            long version,
            Instant lastChangeAt,
            String lastChangeBy) {}
}
