package io.vigil.patterns.query;

import io.vigil.patterns.api.PatternArchivedEvent;
import io.vigil.patterns.api.PatternModeChangedEvent;
import io.vigil.patterns.api.PatternPublishedEvent;
import io.vigil.patterns.api.PatternRolledBackEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the live version of every pattern managed by the lifecycle into the CouchDB pattern store, where scoring
 * reads it: on a publication, a mode change and a rollback the pattern's document gets the live version in its mode;
 * on archiving the document is removed. Each change then gives the set a new version, so every scoring node reloads.
 *
 * <p>A tracking processor ({@value #PROCESSING_GROUP}): a CouchDB that is down delays publication but loses nothing,
 * as the processor retries the event (every processing group propagates its handlers' failures). Each write is the
 * whole document from the event alone, so a replay ends in the same store. Documents of ids no pattern event names,
 * such as patterns written by hand before the lifecycle existed, are left alone.
 */
@Component
@ProcessingGroup(PatternStorePublisher.PROCESSING_GROUP)
class PatternStorePublisher {

    static final String PROCESSING_GROUP = "couchdb-patterns";
    private static final Logger log = LoggerFactory.getLogger(PatternStorePublisher.class);

    private final PatternStoreWrites store;

    PatternStorePublisher(PatternStoreWrites store) {
        this.store = store;
    }

    @EventHandler
    void on(PatternPublishedEvent event) {
        store.writePattern(event.version().definition(event.patternId(), event.mode()));
        bump(event.patternId(), "version " + event.version().number() + " published, " + event.mode());
    }

    @EventHandler
    void on(PatternModeChangedEvent event) {
        store.writePattern(event.live().definition(event.patternId(), event.mode()));
        bump(event.patternId(), "mode " + event.mode());
    }

    @EventHandler
    void on(PatternRolledBackEvent event) {
        store.writePattern(event.version().definition(event.patternId(), event.mode()));
        bump(event.patternId(), "rolled back to version " + event.version().number());
    }

    /** A pattern never published has no document; one of its id may be someone else's, written by hand. */
    @EventHandler
    void on(PatternArchivedEvent event) {
        if (event.liveVersion() != null) {
            store.delete(event.patternId());
            bump(event.patternId(), "archived");
        }
    }

    private void bump(String patternId, String what) {
        long version = store.bumpSetVersion();
        log.info("Pattern store: {} {}, set version {}", patternId, what, version);
    }
}
