package io.vigil.patterns.query;

import io.vigil.patterns.api.FeatureArchivedEvent;
import io.vigil.patterns.api.FeatureDefinedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes the analyst-defined features into the CouchDB pattern store, one document each, with a new version of the
 * set per change; every scoring node then backfills a new feature from the event store on its own. Runs in the
 * tracking {@value PatternStorePublisher#PROCESSING_GROUP} processor beside the patterns' publication, in event
 * order, so a feature is in the store before a pattern published after it that reads it.
 */
@Component
@ProcessingGroup(PatternStorePublisher.PROCESSING_GROUP)
class FeaturePublisher {

    private static final Logger log = LoggerFactory.getLogger(FeaturePublisher.class);

    private final PatternStoreWrites store;

    FeaturePublisher(PatternStoreWrites store) {
        this.store = store;
    }

    @EventHandler
    void on(FeatureDefinedEvent event) {
        store.writeFeature(event.definition());
        log.info("Published feature {} as pattern set version {}", event.name(), store.bumpSetVersion());
    }

    @EventHandler
    void on(FeatureArchivedEvent event) {
        store.delete(PatternStoreWrites.featureDocumentId(event.name()));
        log.info("Removed archived feature {} as pattern set version {}", event.name(), store.bumpSetVersion());
    }
}
