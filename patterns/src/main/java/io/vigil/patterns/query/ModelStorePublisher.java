package io.vigil.patterns.query;

import io.vigil.patterns.api.ModelPromotedEvent;
import io.vigil.patterns.api.ModelRolledBackEvent;
import io.vigil.patterns.api.ModelShadowStoppedEvent;
import io.vigil.patterns.api.ModelShadowedEvent;
import io.vigil.patterns.api.ModelVersion;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes which model versions are live and in shadow into the pattern store's {@value ModelStoreWrites#CHOICE_ID}
 * document and raises the set's version, so that every node loads them through the change feed. Each write is the
 * whole choice from the event alone (the events carry both versions), so a replay ends in the same store. A tracking
 * processor, in the same group as the patterns' publisher: a CouchDB that is down delays the change, loses nothing.
 */
@Component
@ProcessingGroup(PatternStorePublisher.PROCESSING_GROUP)
class ModelStorePublisher {

    private static final Logger log = LoggerFactory.getLogger(ModelStorePublisher.class);

    private final ModelStoreWrites models;

    ModelStorePublisher(ModelStoreWrites models) {
        this.models = models;
    }

    @EventHandler
    void on(ModelPromotedEvent event) {
        publish(event.version(), event.shadow(), event.version().ref().label() + " promoted");
    }

    @EventHandler
    void on(ModelShadowedEvent event) {
        publish(event.live(), event.version(), event.version().ref().label() + " in shadow");
    }

    @EventHandler
    void on(ModelShadowStoppedEvent event) {
        publish(event.live(), null, event.modelId() + " v" + event.version() + " out of shadow");
    }

    @EventHandler
    void on(ModelRolledBackEvent event) {
        // no version: the first version ever live was rolled back, and no model is live now
        String to = event.version() == null
                ? "no live model"
                : "v" + event.version().number();
        publish(event.version(), event.shadow(), event.modelId() + " v" + event.from() + " rolled back to " + to);
    }

    private void publish(ModelVersion live, ModelVersion shadow, String what) {
        long version = models.writeChoice(live, shadow);
        log.info("Pattern store: model {}, set version {}", what, version);
    }
}
