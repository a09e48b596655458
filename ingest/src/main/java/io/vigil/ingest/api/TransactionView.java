package io.vigil.ingest.api;

import java.util.List;
import java.util.Optional;

/**
 * A stored transaction, its decision and what happened to it since.
 *
 * <p>{@code outcome} is the latest report of the API client ({@code null} until one), {@code outcomes} every label the
 * transaction was given, oldest first: the client's reports and the label of its review. {@code review} is the review
 * of a transaction decided {@code review} ({@code null} for other decisions).
 *
 * <p>The label rule: a client's report outranks a review's label, whenever either was given. The client knows what
 * became of the payment (a chargeback is a fact); an analyst's review is Vigil's own judgement before it. So
 * {@link #label()} is the client's latest report when there is one, else the review's label.
 */
public record TransactionView(
        TransactionDetails transaction,
        RiskDecision decision,
        TransactionOutcomeReportedEvent outcome,
        List<OutcomeReport> outcomes,
        TransactionReview review) {

    public TransactionView {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    public TransactionView(
            TransactionDetails transaction,
            RiskDecision decision,
            TransactionOutcomeReportedEvent outcome,
            List<OutcomeReport> outcomes) {
        this(transaction, decision, outcome, outcomes, null);
    }

    /**
     * The transaction's final decision: the decision itself unless it is {@code review}; for {@code review} the
     * review's outcome once reviewed, empty while pending.
     */
    public Optional<Decision> finalDecision() {
        if (decision == null) {
            return Optional.empty();
        }
        if (decision.decision() != Decision.REVIEW) {
            return Optional.of(decision.decision());
        }
        if (review == null || review.status() == ReviewStatus.PENDING) {
            return Optional.empty();
        }
        return Optional.of(review.status() == ReviewStatus.APPROVED ? Decision.APPROVE : Decision.DECLINE);
    }

    /** The label that counts (see the rule above): the client's latest report, else the review's; empty if none. */
    public Optional<OutcomeReport> label() {
        Optional<OutcomeReport> client = latest(OutcomeSource.CLIENT);
        return client.isPresent() ? client : latest(OutcomeSource.REVIEW);
    }

    private Optional<OutcomeReport> latest(OutcomeSource source) {
        for (int i = outcomes.size() - 1; i >= 0; i--) {
            if (outcomes.get(i).source() == source) {
                return Optional.of(outcomes.get(i));
            }
        }
        return Optional.empty();
    }
}
