package io.vigil.patterns.api;

import java.time.Instant;
import java.util.List;

/** A page of a list's entries and how many match in all. */
public record ListEntryPage(List<Entry> entries, long total, int page, int size) {

    public ListEntryPage {
        entries = List.copyOf(entries);
    }

    /**
     * One listed value.
     *
     * @param expired whether its expiry has passed (it no longer applies)
     * @param addedAt when it was first put on the list (since it was last removed)
     * @param changedAt when it last changed (added again, expiry changed)
     */
    public record Entry(
            String value,
            Instant expiresAt,
            boolean expired,
            String reason,
            Instant addedAt,
            String addedBy,
            Instant changedAt,
            String changedBy,
            long version) {}
}
