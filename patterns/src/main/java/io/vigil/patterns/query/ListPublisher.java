package io.vigil.patterns.query;

import io.vigil.patterns.api.ListEntriesAddedEvent;
import io.vigil.patterns.api.ListEntriesRemovedEvent;
import io.vigil.patterns.api.ListEntry;
import io.vigil.patterns.api.ListEntryExpiryChangedEvent;
import io.vigil.patterns.api.ListIds;
import io.vigil.patterns.api.ListItem;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes the lists' changes into the CouchDB pattern store, where every scoring node reads them: the entries'
 * documents (in bulk, ids from {@link ListIds#documentId}) and then one new version of the pattern set per change,
 * however many entries it carried, so a node never loads half an import and an import of 50,000 lines is one reload.
 *
 * <p>A tracking processor: CouchDB is outside the event store's transaction, so the change is stored first and
 * published after. While the pattern store is down, the processor stops at the change and retries it with back-off
 * (failures propagate, the server's default); a change published twice (a crash between the documents and the token)
 * writes the same documents again.
 */
@Component
@ProcessingGroup(ListPublisher.PROCESSING_GROUP)
class ListPublisher {

    static final String PROCESSING_GROUP = "couchdb-lists";
    private static final Logger log = LoggerFactory.getLogger(ListPublisher.class);

    private final PatternStoreWrites store;

    ListPublisher(PatternStoreWrites store) {
        this.store = store;
    }

    @EventHandler
    void on(ListEntriesAddedEvent event) {
        List<ListEntry> documents =
                event.entries().stream().map(entry -> document(event, entry)).toList();
        store.writeListEntries(documents);
        published(event.listId(), event.version(), store.bumpSetVersion(), documents.size());
    }

    @EventHandler
    void on(ListEntriesRemovedEvent event) {
        store.deleteAll(event.values().stream()
                .map(value -> ListIds.documentId(event.list(), event.kind(), value))
                .toList());
        published(
                event.listId(),
                event.version(),
                store.bumpSetVersion(),
                event.values().size());
    }

    @EventHandler
    void on(ListEntryExpiryChangedEvent event) {
        store.writeListEntryExpiry(ListIds.documentId(event.list(), event.kind(), event.value()), event.expiresAt());
        published(event.listId(), event.version(), store.bumpSetVersion(), 1);
    }

    private static ListEntry document(ListEntriesAddedEvent event, ListItem entry) {
        return new ListEntry(
                ListIds.documentId(event.list(), event.kind(), entry.value()),
                event.list().wireName(),
                event.kind().wireName(),
                entry.value(),
                entry.expiresAt(),
                entry.reason() == null || entry.reason().isBlank() ? event.reason() : entry.reason());
    }

    private static void published(String listId, long version, long setVersion, int entries) {
        log.info(
                "Published change {} of {} ({} entries) as pattern set version {}",
                version,
                listId,
                entries,
                setVersion);
    }
}
