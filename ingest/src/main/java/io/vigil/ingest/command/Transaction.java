package io.vigil.ingest.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.FindRiskDecisionQuery;
import io.vigil.ingest.api.OutcomeConflictException;
import io.vigil.ingest.api.RecordTransactionCommand;
import io.vigil.ingest.api.ReportOutcomeCommand;
import io.vigil.ingest.api.ResubmitTransactionCommand;
import io.vigil.ingest.api.ReviewRejectedException;
import io.vigil.ingest.api.ReviewTransactionCommand;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionConflictException;
import io.vigil.ingest.api.TransactionDecidedEvent;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.ingest.api.TransactionReviewedEvent;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One submitted payment transaction. It is recorded and decided in one unit of work: both events are appended in the
 * same database transaction, so a client that got a decision can rely on it being stored.
 */
@Aggregate(commandTargetResolver = TransactionTargetResolver.BEAN)
class Transaction {

    @AggregateIdentifier
    private String transactionId;

    private TransactionDetails details;
    private RiskDecision decision;
    private TransactionOutcomeReportedEvent label;
    private boolean reviewed;

    Transaction() {
        // for Axon
    }

    /**
     * Records and decides a new transaction without reading the event store first: a new id is by far the common
     * case, and an id already taken makes the append fail at commit, after which the sender resubmits.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    RiskDecision handle(RecordTransactionCommand command, QueryGateway queryGateway, MetaData metaData) {
        RiskDecision risk = queryGateway
                .query(new FindRiskDecisionQuery(command.transaction()), ResponseTypes.instanceOf(RiskDecision.class))
                .join();
        Object submitter = metaData.get(TransactionRecordedEvent.SUBMITTER);
        apply(
                new TransactionRecordedEvent(command.transactionId(), command.transaction()),
                submitter == null
                        ? MetaData.emptyInstance()
                        : MetaData.with(TransactionRecordedEvent.SUBMITTER, submitter.toString()));
        apply(new TransactionDecidedEvent(command.transactionId(), risk));
        return risk;
    }

    /** An id submitted again: the first decision for the same content, a conflict for other content. */
    @CommandHandler
    RiskDecision handle(ResubmitTransactionCommand command) {
        if (!details.equals(command.transaction())) {
            throw new TransactionConflictException(command.transactionId());
        }
        return decision;
    }

    /**
     * Adds a report to the transaction's outcomes; the latest is its label. The same report again (a client's retry)
     * records nothing; a report with another label than the current one changes the label only when it says so.
     */
    @CommandHandler
    void handle(ReportOutcomeCommand command) {
        TransactionOutcome replaced = null;
        if (label != null) {
            if (label.outcome() == command.outcome()
                    && Objects.equals(label.timestamp(), command.timestamp())
                    && Objects.equals(label.note(), command.note())) {
                return;
            }
            if (label.outcome() != command.outcome()) {
                if (!command.replaces()) {
                    throw new OutcomeConflictException(transactionId, label.outcome(), command.outcome());
                }
                replaced = label.outcome();
            }
        }
        apply(new TransactionOutcomeReportedEvent(
                transactionId, command.outcome(), command.timestamp(), command.note(), replaced));
    }

    /**
     * Ends the review of a transaction decided {@code review}, once, with a reason. The review's final decision is the
     * transaction's, and its label ({@link TransactionReviewedEvent#labelOf}) applies unless a client reports one.
     * Outcome reports are compared with the client's own reports only, so a review never makes a client's later
     * report a conflict.
     */
    @CommandHandler
    void handle(ReviewTransactionCommand command) {
        if (decision == null || decision.decision() != Decision.REVIEW) {
            throw new ReviewRejectedException("transaction " + transactionId + " was decided "
                    + (decision == null ? "nothing" : decision.decision().wireName()) + ", not review");
        }
        if (reviewed) {
            throw new ReviewRejectedException("transaction " + transactionId + " was reviewed already");
        }
        if (command.finalDecision() == null || command.finalDecision() == Decision.REVIEW) {
            throw new ReviewRejectedException("a review ends with approve or decline");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new ReviewRejectedException("a review needs a reason");
        }
        if (command.reason().strip().length() > ReviewTransactionCommand.MAX_REASON) {
            throw new ReviewRejectedException(
                    "a review's reason has at most " + ReviewTransactionCommand.MAX_REASON + " characters");
        }
        if (command.reviewer() == null || command.reviewer().isBlank()) {
            throw new ReviewRejectedException("a review needs a reviewer");
        }
        apply(new TransactionReviewedEvent(
                transactionId,
                command.finalDecision(),
                command.reviewer(),
                command.reason().strip(),
                command.reviewedAt(),
                TransactionReviewedEvent.labelOf(command.finalDecision())));
    }

    @EventSourcingHandler
    void on(TransactionRecordedEvent event) {
        transactionId = event.transactionId();
        details = event.transaction();
    }

    @EventSourcingHandler
    void on(TransactionDecidedEvent event) {
        decision = event.decision();
    }

    @EventSourcingHandler
    void on(TransactionOutcomeReportedEvent event) {
        label = event;
    }

    @EventSourcingHandler
    void on(TransactionReviewedEvent event) {
        reviewed = true;
    }
}
