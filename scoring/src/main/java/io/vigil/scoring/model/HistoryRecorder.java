package io.vigil.scoring.model;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.scoring.features.EntityLinks;
import java.time.Instant;
import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps the node's {@link EntityHistory} and {@link EntityLinks} up to date once each unit of work has committed, as the feature store's
 * recorder does: a committed transaction is counted, and a reported outcome is applied at the moment the event store
 * recorded it. An outcome carries only the transaction's id, so its entities are read from the transaction's own
 * recorded event (one aggregate's few events; labels are rare). Subscribing processor {@value #PROCESSING_GROUP}.
 */
@Component
@ProcessingGroup(HistoryRecorder.PROCESSING_GROUP)
class HistoryRecorder {

    static final String PROCESSING_GROUP = "entity-history";

    private final EntityHistory history;
    private final EntityLinks links;
    private final EventStore events;

    HistoryRecorder(EntityHistory history, EntityLinks links, EventStore events) {
        this.history = history;
        this.links = links;
        this.events = events;
    }

    @EventHandler
    void on(TransactionRecordedEvent event) {
        afterCommit(() -> {
            history.record(event.transaction());
            links.record(event.transaction());
        });
    }

    @EventHandler
    void on(TransactionOutcomeReportedEvent event, @Timestamp Instant reportedAt) {
        afterCommit(() -> label(history, links, event, reportedAt, events));
    }

    /** Applies an outcome to the history and the links, reading the labelled transaction at most once. */
    static void label(
            EntityHistory history,
            EntityLinks links,
            TransactionOutcomeReportedEvent event,
            Instant reportedAt,
            EventStore events) {
        TransactionDetails[] read = {null};
        boolean[] done = {false};
        Supplier<TransactionDetails> transaction = () -> {
            if (!done[0]) {
                read[0] = recorded(events, event.transactionId());
                done[0] = true;
            }
            return read[0];
        };
        history.label(event.transactionId(), event.outcome(), reportedAt, transaction);
        links.label(event.transactionId(), event.outcome(), reportedAt, transaction);
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
