package io.vigil.ingest.query;

import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.FindTransactionQuery;
import io.vigil.ingest.api.OutcomeReport;
import io.vigil.ingest.api.OutcomeSource;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDecidedEvent;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.ingest.api.TransactionReview;
import io.vigil.ingest.api.TransactionReviewedEvent;
import io.vigil.ingest.api.TransactionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers reads of one transaction straight from its event stream. A transaction has a handful of events, so reading
 * them by aggregate id is one indexed query and always shows what the client was told, with no projection lag.
 */
@Component
class TransactionQueryHandler {

    private final EventStore eventStore;

    TransactionQueryHandler(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    Optional<TransactionView> handle(FindTransactionQuery query) {
        DomainEventStream stream = eventStore.readEvents(query.transactionId());
        TransactionDetails details = null;
        RiskDecision decision = null;
        TransactionOutcomeReportedEvent outcome = null;
        List<OutcomeReport> outcomes = new ArrayList<>();
        TransactionReview review = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object payload = message.getPayload();
            if (payload instanceof TransactionRecordedEvent recorded) {
                details = recorded.transaction();
            } else if (payload instanceof TransactionDecidedEvent decided) {
                decision = decided.decision();
            } else if (payload instanceof TransactionOutcomeReportedEvent reported) {
                outcome = reported;
                outcomes.add(new OutcomeReport(
                        reported.outcome(),
                        reported.timestamp(),
                        reported.note(),
                        reported.replaced(),
                        message.getTimestamp(),
                        OutcomeSource.CLIENT));
            } else if (payload instanceof TransactionReviewedEvent reviewed) {
                review = TransactionReview.of(reviewed);
                outcomes.add(new OutcomeReport(
                        reviewed.label(),
                        reviewed.reviewedAt(),
                        reviewed.reason(),
                        null,
                        message.getTimestamp(),
                        OutcomeSource.REVIEW));
            }
        }
        if (review == null && decision != null && decision.decision() == Decision.REVIEW) {
            review = TransactionReview.PENDING;
        }
        return details == null
                ? Optional.empty()
                : Optional.of(new TransactionView(details, decision, outcome, outcomes, review));
    }
}
