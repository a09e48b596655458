package io.vigil.ingest.review;

import io.vigil.ingest.api.TransactionReviewedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Takes a reviewed transaction out of the pending queue in the database transaction of the review itself (a
 * subscribing processor), so that the analyst who decided, and everyone else, never sees it pending afterwards.
 * Reviews are rare, so this costs the decision path nothing.
 */
@Component
@ProcessingGroup(ReviewOutcomes.PROCESSING_GROUP)
class ReviewOutcomes {

    static final String PROCESSING_GROUP = "review-outcomes";

    private final ReviewQueueTable table;

    ReviewOutcomes(ReviewQueueTable table) {
        this.table = table;
    }

    @EventHandler
    void on(TransactionReviewedEvent event) {
        table.reviewed(event);
    }
}
