package io.vigil.patterns.api;

import java.time.Instant;
import java.util.List;

/** A page of the history of list changes. */
public record ListChangePage(List<Change> changes, long total, int page, int size) {

    public ListChangePage {
        changes = List.copyOf(changes);
    }

    /**
     * One change.
     *
     * @param action {@code add}, {@code remove} or {@code expiry}
     * @param entries how many entries it touched
     * @param added of those, how many were new on the list ({@code add} only)
     * @param source {@code api} or {@code csv}
     */
    public record Change(
            ListType list,
            ListKind kind,
            long version,
            String action,
            int entries,
            int added,
            String reason,
            String source,
            String by,
            Instant at) {}
}
