package io.vigil.ingest.command;

import static io.vigil.ingest.api.TransactionOutcome.CONFIRMED_FRAUD;
import static io.vigil.ingest.api.TransactionOutcome.CONFIRMED_LEGITIMATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.DecisionReason;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.004Z");
    private static final RiskDecision REVIEW = new RiskDecision(
            Decision.REVIEW, 20, List.of(new DecisionReason("p-high-amount", "High amount", "review")), 7, false, NOW);

    private AggregateTestFixture<Transaction> fixture;
    private final AtomicInteger scored = new AtomicInteger();

    @BeforeEach
    void setUp() {
        // a real in-process query bus with a scoring stand-in that answers a fixed decision
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        queryBus.subscribe(FindRiskDecisionQuery.class.getName(), RiskDecision.class, query -> {
            scored.incrementAndGet();
            return REVIEW;
        });
        fixture = new AggregateTestFixture<>(Transaction.class);
        fixture.registerInjectableResource(
                DefaultQueryGateway.builder().queryBus(queryBus).build());
    }

    @Test
    void canRecordAndDecideANewTransactionInOneUnitOfWork() {
        TransactionDetails tx = details("tx-1", "1500.00");
        fixture.givenNoPriorActivity()
                .when(new RecordTransactionCommand("tx-1", tx))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TransactionRecordedEvent("tx-1", tx), new TransactionDecidedEvent("tx-1", REVIEW))
                .expectResultMessagePayload(REVIEW);
        assertThat(scored).hasValue(1);
    }

    @Test
    void canAnswerTheFirstDecisionForAnIdenticalRepeatWithoutStoringOrScoringAgain() {
        fixture.given(
                        new TransactionRecordedEvent("tx-1", details("tx-1", "1500.00")),
                        new TransactionDecidedEvent("tx-1", REVIEW))
                // 1500 and 1500.00 are the same amount
                .when(new ResubmitTransactionCommand("tx-1", details("tx-1", "1500")))
                .expectNoEvents()
                .expectResultMessagePayload(REVIEW);
        assertThat(scored).hasValue(0);
    }

    @Test
    void cannotReuseAnIdForOtherContent() {
        fixture.given(
                        new TransactionRecordedEvent("tx-1", details("tx-1", "1500.00")),
                        new TransactionDecidedEvent("tx-1", REVIEW))
                .when(new ResubmitTransactionCommand("tx-1", details("tx-1", "1500.01")))
                .expectNoEvents()
                .expectException(TransactionConflictException.class);
    }

    @Test
    void canReportAnOutcomeOfARecordedTransaction() {
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        fixture.given(
                        new TransactionRecordedEvent("tx-1", details("tx-1", "10")),
                        new TransactionDecidedEvent("tx-1", REVIEW))
                .when(new ReportOutcomeCommand("tx-1", TransactionOutcome.CHARGEBACK, at, "issuer notice"))
                .expectEvents(new TransactionOutcomeReportedEvent(
                        "tx-1", TransactionOutcome.CHARGEBACK, at, "issuer notice"));
    }

    @Test
    void canAddAReportWithTheSameLabelToTheHistory() {
        Instant first = Instant.parse("2026-11-24T08:00:00Z");
        Instant second = Instant.parse("2026-11-25T08:00:00Z");
        fixture.given(
                        new TransactionRecordedEvent("tx-1", details("tx-1", "10")),
                        new TransactionDecidedEvent("tx-1", REVIEW),
                        new TransactionOutcomeReportedEvent("tx-1", TransactionOutcome.CHARGEBACK, first, "notice"))
                .when(new ReportOutcomeCommand("tx-1", TransactionOutcome.CHARGEBACK, second, "second notice"))
                .expectEvents(new TransactionOutcomeReportedEvent(
                        "tx-1", TransactionOutcome.CHARGEBACK, second, "second notice"));
    }

    @Test
    void canReceiveTheSameReportTwiceAndRecordItOnce() {
        Instant at = Instant.parse("2026-11-24T08:00:00Z");
        fixture.given(
                        new TransactionRecordedEvent("tx-1", details("tx-1", "10")),
                        new TransactionDecidedEvent("tx-1", REVIEW),
                        new TransactionOutcomeReportedEvent("tx-1", TransactionOutcome.CHARGEBACK, at, "notice"))
                .when(new ReportOutcomeCommand("tx-1", TransactionOutcome.CHARGEBACK, at, "notice"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotChangeALabelWithoutSayingSo() {
        Instant at = Instant.parse("2026-11-24T08:00:00Z");
        fixture.given(
                        new TransactionRecordedEvent("tx-1", details("tx-1", "10")),
                        new TransactionDecidedEvent("tx-1", REVIEW),
                        new TransactionOutcomeReportedEvent("tx-1", TransactionOutcome.CHARGEBACK, at, "issuer notice"))
                .when(new ReportOutcomeCommand("tx-1", TransactionOutcome.CONFIRMED_LEGITIMATE, NOW, null))
                .expectNoEvents()
                .expectException(OutcomeConflictException.class)
                .expectExceptionMessage("transaction tx-1 is labelled chargeback; to change the label to"
                        + " confirmed_legitimate, report it with \"replaces\": true");
    }

    @Test
    void canChangeALabelExplicitlyAndTheChangeIsRecorded() {
        Instant at = Instant.parse("2026-11-24T08:00:00Z");
        fixture.given(
                        new TransactionRecordedEvent("tx-1", details("tx-1", "10")),
                        new TransactionDecidedEvent("tx-1", REVIEW),
                        new TransactionOutcomeReportedEvent("tx-1", TransactionOutcome.CHARGEBACK, at, "issuer notice"))
                .when(new ReportOutcomeCommand(
                        "tx-1", TransactionOutcome.CONFIRMED_LEGITIMATE, NOW, "customer's own purchase", true))
                .expectEvents(new TransactionOutcomeReportedEvent(
                        "tx-1",
                        TransactionOutcome.CONFIRMED_LEGITIMATE,
                        NOW,
                        "customer's own purchase",
                        TransactionOutcome.CHARGEBACK));
    }

    @Test
    void cannotChangeALabelTwiceWithOneExplicitReport() {
        Instant at = Instant.parse("2026-11-24T08:00:00Z");
        fixture.given(
                        new TransactionRecordedEvent("tx-1", details("tx-1", "10")),
                        new TransactionDecidedEvent("tx-1", REVIEW),
                        new TransactionOutcomeReportedEvent("tx-1", TransactionOutcome.CHARGEBACK, at, null),
                        new TransactionOutcomeReportedEvent(
                                "tx-1", TransactionOutcome.CONFIRMED_FRAUD, at, null, TransactionOutcome.CHARGEBACK))
                // the label is confirmed_fraud now: going back to chargeback is another change, to be asked again
                .when(new ReportOutcomeCommand("tx-1", TransactionOutcome.CHARGEBACK, NOW, null))
                .expectNoEvents()
                .expectException(OutcomeConflictException.class);
    }

    @Test
    void cannotReportAnOutcomeOfAnUnknownTransaction() {
        fixture.givenNoPriorActivity()
                .when(new ReportOutcomeCommand("tx-unknown", TransactionOutcome.CONFIRMED_FRAUD, NOW, null))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void canDeclineATransactionInReviewWithAReasonAndItIsLabelledConfirmedFraud() {
        Instant at = Instant.parse("2026-11-23T10:30:00Z");
        fixture.given(decidedReview())
                .when(new ReviewTransactionCommand("tx-1", Decision.DECLINE, "alice", "  card reported stolen ", at))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TransactionReviewedEvent(
                        "tx-1", Decision.DECLINE, "alice", "card reported stolen", at, CONFIRMED_FRAUD));
    }

    @Test
    void canApproveATransactionInReviewAndItIsLabelledConfirmedLegitimate() {
        Instant at = Instant.parse("2026-11-23T10:30:00Z");
        fixture.given(decidedReview())
                .when(new ReviewTransactionCommand("tx-1", Decision.APPROVE, "alice", "customer called", at))
                .expectEvents(new TransactionReviewedEvent(
                        "tx-1", Decision.APPROVE, "alice", "customer called", at, CONFIRMED_LEGITIMATE));
    }

    @Test
    void cannotReviewATransactionNotDecidedReview() {
        RiskDecision approved = new RiskDecision(Decision.APPROVE, 3, List.of(), 7, false, NOW);
        fixture.given(
                        new TransactionRecordedEvent("tx-1", details("tx-1", "10")),
                        new TransactionDecidedEvent("tx-1", approved))
                .when(new ReviewTransactionCommand("tx-1", Decision.DECLINE, "alice", "looks odd", NOW))
                .expectNoEvents()
                .expectException(ReviewRejectedException.class)
                .expectExceptionMessage("transaction tx-1 was decided approve, not review");
    }

    @Test
    void cannotReviewATransactionTwice() {
        fixture.given(
                        new TransactionRecordedEvent("tx-1", details("tx-1", "10")),
                        new TransactionDecidedEvent("tx-1", REVIEW),
                        new TransactionReviewedEvent(
                                "tx-1", Decision.APPROVE, "alice", "customer called", NOW, CONFIRMED_LEGITIMATE))
                .when(new ReviewTransactionCommand("tx-1", Decision.DECLINE, "bob", "changed my mind", NOW))
                .expectNoEvents()
                .expectException(ReviewRejectedException.class)
                .expectExceptionMessage("transaction tx-1 was reviewed already");
    }

    @Test
    void cannotReviewWithoutAReason() {
        fixture.given(decidedReview())
                .when(new ReviewTransactionCommand("tx-1", Decision.DECLINE, "alice", "   ", NOW))
                .expectNoEvents()
                .expectException(ReviewRejectedException.class)
                .expectExceptionMessage("a review needs a reason");
    }

    @Test
    void cannotReviewWithAReasonTooLong() {
        fixture.given(decidedReview())
                .when(new ReviewTransactionCommand(
                        "tx-1", Decision.DECLINE, "alice", "x".repeat(ReviewTransactionCommand.MAX_REASON + 1), NOW))
                .expectNoEvents()
                .expectException(ReviewRejectedException.class);
    }

    @Test
    void cannotEndAReviewWithReview() {
        fixture.given(decidedReview())
                .when(new ReviewTransactionCommand("tx-1", Decision.REVIEW, "alice", "not sure", NOW))
                .expectNoEvents()
                .expectException(ReviewRejectedException.class)
                .expectExceptionMessage("a review ends with approve or decline");
    }

    @Test
    void cannotReviewAnUnknownTransaction() {
        fixture.givenNoPriorActivity()
                .when(new ReviewTransactionCommand("tx-unknown", Decision.DECLINE, "alice", "fraud", NOW))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void canReviewATransactionTheClientLabelledAlreadyWithoutTouchingTheClientsLabel() {
        Instant at = Instant.parse("2026-11-24T08:00:00Z");
        fixture.given(
                        new TransactionRecordedEvent("tx-1", details("tx-1", "10")),
                        new TransactionDecidedEvent("tx-1", REVIEW),
                        new TransactionOutcomeReportedEvent("tx-1", TransactionOutcome.CHARGEBACK, at, "issuer"))
                .when(new ReviewTransactionCommand("tx-1", Decision.APPROVE, "alice", "customer called", NOW))
                // the review is recorded with its own label; the client's chargeback stays the label (TransactionView)
                .expectEvents(new TransactionReviewedEvent(
                        "tx-1", Decision.APPROVE, "alice", "customer called", NOW, CONFIRMED_LEGITIMATE));
    }

    @Test
    void canReportAClientOutcomeAfterAReviewWithoutItBeingAConflict() {
        Instant at = Instant.parse("2026-11-24T08:00:00Z");
        fixture.given(
                        new TransactionRecordedEvent("tx-1", details("tx-1", "10")),
                        new TransactionDecidedEvent("tx-1", REVIEW),
                        new TransactionReviewedEvent(
                                "tx-1", Decision.APPROVE, "alice", "customer called", NOW, CONFIRMED_LEGITIMATE))
                // the review's label is not the client's: a chargeback is the client's first report, not a change
                .when(new ReportOutcomeCommand("tx-1", TransactionOutcome.CHARGEBACK, at, "issuer notice"))
                .expectEvents(new TransactionOutcomeReportedEvent(
                        "tx-1", TransactionOutcome.CHARGEBACK, at, "issuer notice"));
    }

    private static Object[] decidedReview() {
        return new Object[] {
            new TransactionRecordedEvent("tx-1", details("tx-1", "1500")), new TransactionDecidedEvent("tx-1", REVIEW)
        };
    }

    static TransactionDetails details(String id, String amount) {
        return new TransactionDetails(
                id,
                Instant.parse("2026-11-23T10:15:30Z"),
                new BigDecimal(amount),
                "EUR",
                "m-42",
                "c-981",
                "card-7f3a",
                "411111",
                "d-19",
                "203.0.113.7",
                "ann@example.com",
                "SE",
                "card",
                "web",
                "chrome",
                "mobile",
                Map.of("plan", "gold"));
    }
}
