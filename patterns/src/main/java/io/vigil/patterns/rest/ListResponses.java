package io.vigil.patterns.rest;

import io.vigil.patterns.api.ListChangePage;
import io.vigil.patterns.api.ListChangeResult;
import io.vigil.patterns.api.ListEntryPage;
import io.vigil.patterns.api.ListIds;
import io.vigil.patterns.api.ListKind;
import io.vigil.patterns.api.ListOverview;
import io.vigil.patterns.api.ListType;
import java.time.Instant;
import java.util.List;

/** The JSON answers of the lists' API, with lists and kinds spelt as in requests ({@code block}, {@code card_bin}). */
final class ListResponses {

    private ListResponses() {}

    /** {@code GET /api/v1/lists}. */
    record Lists(List<ListSummary> lists) {

        static Lists of(ListOverview overview) {
            return new Lists(overview.lists().stream()
                    .map(s -> new ListSummary(
                            s.list().wireName(),
                            s.kind().wireName(),
                            s.entries(),
                            s.active(),
                            s.version(),
                            s.lastChangeAt(),
                            s.lastChangeBy()))
                    .toList());
        }
    }

    record ListSummary(
            String list,
            String kind,
            long entries,
            long active,
            long version,
            Instant lastChangeAt,
            String lastChangeBy) {}

    /** {@code GET /api/v1/lists/{list}/{kind}/entries}. */
    record Entries(String list, String kind, long total, int page, int size, List<Entry> entries) {

        static Entries of(ListType list, ListKind kind, ListEntryPage page) {
            return new Entries(
                    list.wireName(),
                    kind.wireName(),
                    page.total(),
                    page.page(),
                    page.size(),
                    page.entries().stream()
                            .map(e -> new Entry(
                                    e.value(),
                                    ListIds.documentId(list, kind, e.value()),
                                    e.expiresAt(),
                                    e.expired(),
                                    e.reason(),
                                    e.addedAt(),
                                    e.addedBy(),
                                    e.changedAt(),
                                    e.changedBy(),
                                    e.version()))
                            .toList());
        }
    }

    /**
     * One listed value.
     *
     * @param entryId the id a decision's {@code listHits} name
     */
    record Entry(
            String value,
            String entryId,
            Instant expiresAt,
            boolean expired,
            String reason,
            Instant addedAt,
            String addedBy,
            Instant changedAt,
            String changedBy,
            long version) {}

    /** The answer to a change made through the API: the list's new version and what it touched. */
    record Change(String list, String kind, long version, int entries, int added, int updated) {

        static Change of(ListType list, ListKind kind, ListChangeResult result, boolean add) {
            return new Change(
                    list.wireName(),
                    kind.wireName(),
                    result.version(),
                    result.entries(),
                    result.added(),
                    add ? result.entries() - result.added() : 0);
        }
    }

    /**
     * The answer to an import.
     *
     * @param lines the lines of entries in the file (the header and blank lines not counted)
     * @param stored the entries stored (0 when nothing was stored)
     * @param version the list's version after the import; null when nothing was stored
     * @param badLines every line that was not stored, with its number and what is wrong
     */
    record Import(
            String list,
            String kind,
            String mode,
            int lines,
            int stored,
            int added,
            int updated,
            Long version,
            List<ListCsv.BadLine> badLines) {}

    /** {@code GET /api/v1/lists/history} and {@code GET /api/v1/lists/{list}/{kind}/history}. */
    record History(long total, int page, int size, List<HistoryItem> changes) {

        static History of(ListChangePage page) {
            return new History(
                    page.total(),
                    page.page(),
                    page.size(),
                    page.changes().stream()
                            .map(c -> new HistoryItem(
                                    c.list().wireName(),
                                    c.kind().wireName(),
                                    c.version(),
                                    c.action(),
                                    c.entries(),
                                    c.added(),
                                    c.reason(),
                                    c.source(),
                                    c.by(),
                                    c.at()))
                            .toList());
        }
    }

    /**
     * One change.
     *
     * @param action {@code add}, {@code remove} or {@code expiry}
     * @param by the user or API key that made it
     */
    record HistoryItem(
            String list,
            String kind,
            long version,
            String action,
            int entries,
            int added,
            String reason,
            String source,
            String by,
            Instant at) {}
}
