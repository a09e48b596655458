package io.vigil.scoring.features;

import io.vigil.ingest.api.TransactionRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Counts each recorded transaction in the feature store once its unit of work has committed: a rolled-back
 * transaction never counts, and a repeat submission stores no event and so counts nothing. Runs in the subscribing
 * processor {@value #PROCESSING_GROUP}, in the thread that recorded the transaction, so the next decision already
 * sees it.
 */
@Component
@ProcessingGroup(FeatureRecorder.PROCESSING_GROUP)
class FeatureRecorder {

    static final String PROCESSING_GROUP = "feature-store";

    private final FeatureStore features;

    FeatureRecorder(FeatureStore features) {
        this.features = features;
    }

    @EventHandler
    void on(TransactionRecordedEvent event) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(uow -> features.record(event.transaction()));
        } else {
            features.record(event.transaction());
        }
    }
}
