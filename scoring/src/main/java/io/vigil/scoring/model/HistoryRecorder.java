package io.vigil.scoring.model;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import io.vigil.ingest.api.TransactionRecordedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps the node's {@link EntityHistory} up to date once each unit of work has committed, as the feature store's
 * recorder does: a committed transaction is counted, and a reported outcome is applied at the moment the event store
 * recorded it. An outcome carries only the transaction's id, so its entities are read from the transaction's own
 * recorded event (one aggregate's few events; labels are rare). Subscribing processor {@value #PROCESSING_GROUP}.
 */
@Component
@ProcessingGroup(HistoryRecorder.PROCESSING_GROUP)
class HistoryRecorder {

    static final String PROCESSING_GROUP = "entity-history";

    private final EntityHistory history;
    private final EventStore events;

    HistoryRecorder(EntityHistory history, EventStore events) {
        this.history = history;
        this.events = events;
    }

    @EventHandler
    void on(TransactionRecordedEvent event) {
        afterCommit(() -> history.record(event.transaction()));
    }

    @EventHandler
    void on(TransactionOutcomeReportedEvent event, @Timestamp Instant reportedAt) {
        afterCommit(() -> history.label(
                event.transactionId(), event.outcome(), reportedAt, () -> recorded(events, event.transactionId())));
    }

    /** The transaction as recorded, from its aggregate's first event; null when there is none. */
    static TransactionDetails recorded(EventStore events, String transactionId) {
        try (var stream = events.readEvents(transactionId).asStream()) {
            return stream.map(m -> m.getPayload())
                    .filter(TransactionRecordedEvent.class::isInstance)
                    .map(p -> ((TransactionRecordedEvent) p).transaction())
                    .findFirst()
                    .orElse(null);
        }
    }

    private static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(uow -> action.run());
        } else {
            action.run();
        }
    }
}
