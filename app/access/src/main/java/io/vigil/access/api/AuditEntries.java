package io.vigil.access.api;

import java.util.List;

/**
 * A page of the audit trail, newest first.
 *
 * @param entries the entries of this page
 * @param nextBefore what to pass as {@link FindAuditEntriesQuery#before()} for the next (older) page; {@code null}
 *     when this is the last one
 */
public record AuditEntries(List<AuditEntry> entries, Long nextBefore) {

    public AuditEntries {
        entries = List.copyOf(entries);
    }

    public boolean hasMore() {
        return nextBefore != null;
    }
}
