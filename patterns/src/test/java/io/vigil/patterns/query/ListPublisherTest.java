package io.vigil.patterns.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.vigil.patterns.api.ListEntriesAddedEvent;
import io.vigil.patterns.api.ListEntriesRemovedEvent;
import io.vigil.patterns.api.ListEntry;
import io.vigil.patterns.api.ListEntryExpiryChangedEvent;
import io.vigil.patterns.api.ListIds;
import io.vigil.patterns.api.ListItem;
import io.vigil.patterns.api.ListKind;
import io.vigil.patterns.api.ListType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ektorp.CouchDbConnector;
import org.junit.jupiter.api.Test;

class ListPublisherTest {

    private static final String CARDS = ListIds.of(ListType.BLOCK, ListKind.CARD);
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    /** What the publisher asks of the pattern store, in order. */
    private static final class RecordingWrites extends PatternStoreWrites {

        final List<String> calls = new ArrayList<>();
        final List<ListEntry> written = new ArrayList<>();
        final List<String> deleted = new ArrayList<>();

        RecordingWrites() {
            super(mock(CouchDbConnector.class));
        }

        @Override
        public void writeListEntries(Collection<ListEntry> entries) {
            calls.add("write " + entries.size());
            written.addAll(entries);
        }

        @Override
        public void deleteAll(Collection<String> ids) {
            calls.add("delete " + ids.size());
            deleted.addAll(ids);
        }

        @Override
        public void writeListEntryExpiry(String id, Instant expiresAt) {
            calls.add("expiry " + id + " " + expiresAt);
        }

        @Override
        public long bumpSetVersion() {
            calls.add("bump");
            return calls.size();
        }
    }

    @Test
    void anImportOf50000EntriesIsOneBulkWriteAndOneNewSetVersion() {
        RecordingWrites store = new RecordingWrites();
        List<ListItem> items = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            items.add(new ListItem("card-" + i, null, i == 0 ? "own reason" : null));
        }

        new ListPublisher(store)
                .on(new ListEntriesAddedEvent(
                        CARDS, ListType.BLOCK, ListKind.CARD, 3, items, 50_000, "issuer file", "csv", "ann", AT));

        assertThat(store.calls).containsExactly("write 50000", "bump");
        assertThat(store.written.get(0))
                .isEqualTo(new ListEntry(
                        ListIds.documentId(ListType.BLOCK, ListKind.CARD, "card-0"),
                        "block",
                        "card",
                        "card-0",
                        null,
                        "own reason"));
        assertThat(store.written.get(1).reason())
                .as("an entry without a reason has the change's")
                .isEqualTo("issuer file");
    }

    @Test
    void aRemovalAndAnExpiryChangeAreEachOneNewSetVersionOnTheSameDocumentIds() {
        RecordingWrites store = new RecordingWrites();
        ListPublisher publisher = new ListPublisher(store);
        String id = ListIds.documentId(ListType.BLOCK, ListKind.CARD, "card-1");
        Instant later = AT.plusSeconds(3600);

        publisher.on(new ListEntryExpiryChangedEvent(
                CARDS, ListType.BLOCK, ListKind.CARD, 4, "card-1", later, "a day", "ann", AT));
        publisher.on(new ListEntriesRemovedEvent(
                CARDS, ListType.BLOCK, ListKind.CARD, 5, List.of("card-1", "card-2"), "paid", "ann", AT));

        assertThat(store.calls).containsExactly("expiry " + id + " " + later, "bump", "delete 2", "bump");
        assertThat(store.deleted).first().isEqualTo(id);
    }
}
