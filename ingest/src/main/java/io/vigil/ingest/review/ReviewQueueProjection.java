package io.vigil.ingest.review;

import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.TransactionDecidedEvent;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.ingest.api.TransactionReviewedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Fills the review queue from the event store. A tracking processor, so that the decision path pays nothing for the
 * queue and the queue fills with the transactions decided {@code review} before it existed; a transaction enters it
 * a moment after its decision. Only a {@code review} decision reads the transaction's first event for the fields the
 * queue filters on; every other event is passed over.
 */
@Component
@ProcessingGroup(ReviewQueueProjection.PROCESSING_GROUP)
class ReviewQueueProjection {

    static final String PROCESSING_GROUP = "review-queue";

    private final ReviewQueueTable table;
    private final EventStore events;

    ReviewQueueProjection(ReviewQueueTable table, EventStore events) {
        this.table = table;
        this.events = events;
    }

    @EventHandler
    void on(TransactionDecidedEvent event) {
        if (event.decision().decision() != Decision.REVIEW) {
            return;
        }
        events.readEvents(event.transactionId())
                .asStream()
                .map(message -> message.getPayload())
                .filter(TransactionRecordedEvent.class::isInstance)
                .map(TransactionRecordedEvent.class::cast)
                .findFirst()
                .ifPresent(recorded -> table.add(recorded.transaction(), event.decision()));
    }

    /** Also recorded at once by {@link ReviewOutcomes}; here again for the reviews made before the queue caught up. */
    @EventHandler
    void on(TransactionReviewedEvent event) {
        table.reviewed(event);
    }
}
