package io.vigil.web.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.vigil.ingest.api.ClaimReviewCommand;
import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.DecisionReason;
import io.vigil.ingest.api.FeatureContribution;
import io.vigil.ingest.api.FindReviewItemQuery;
import io.vigil.ingest.api.FindReviewQueueQuery;
import io.vigil.ingest.api.FindTransactionQuery;
import io.vigil.ingest.api.ModelScore;
import io.vigil.ingest.api.OutcomeReport;
import io.vigil.ingest.api.OutcomeSource;
import io.vigil.ingest.api.ReviewClaimedException;
import io.vigil.ingest.api.ReviewItem;
import io.vigil.ingest.api.ReviewQueueOrder;
import io.vigil.ingest.api.ReviewQueuePage;
import io.vigil.ingest.api.ReviewStatus;
import io.vigil.ingest.api.ReviewTransactionCommand;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import io.vigil.ingest.api.TransactionReview;
import io.vigil.ingest.api.TransactionView;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import io.vigil.web.config.ConsoleConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;

/**
 * The review queue and a transaction's review page, for analysts: the queue with its filters and claims, the
 * decision's explanation, claiming, and approving or declining with a reason. Each case runs with and without htmx's
 * HX-Request header; without it, an action redirects, which the cases follow.
 */
@WebMvcTest(ReviewsController.class)
@Import(ConsoleConfig.class)
class ReviewsControllerTest extends ConsoleMvcTestSupport {

    private static final Instant DECIDED = Instant.parse("2026-11-23T10:15:30.004Z");
    private static final RiskDecision REVIEW = new RiskDecision(
            Decision.REVIEW,
            40,
            List.of(new DecisionReason("p-high-amount", "High amount", "review", Map.of("features.card.count_5m", 4))),
            7,
            false,
            DECIDED);
    private static final TransactionDetails TX = new TransactionDetails(
            "tx-1",
            Instant.parse("2026-11-23T10:15:30Z"),
            new BigDecimal("1500"),
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
            null,
            null,
            Map.of());

    @BeforeEach
    void analyst() {
        signedIn = ANALYST;
    }

    private static ReviewItem item(String id, String claimedBy, ReviewStatus status) {
        return new ReviewItem(
                id,
                TX.timestamp(),
                DECIDED,
                "m-42",
                "c-981",
                "card-7f3a",
                new BigDecimal("1500"),
                "EUR",
                40,
                List.of("p-high-amount"),
                status,
                claimedBy,
                claimedBy == null ? null : DECIDED.plusSeconds(900),
                null,
                null,
                null);
    }

    private void transaction(TransactionReview review, ReviewItem item) {
        answer(FindTransactionQuery.class, Optional.of(new TransactionView(TX, REVIEW, null, List.of(), review)));
        answer(FindReviewItemQuery.class, Optional.ofNullable(item));
    }

    @WithAndWithoutHtmx
    void theQueueListsPendingTransactionsWithWhoClaimedThemAndPassesTheFilters(boolean htmx) throws Exception {
        answer(
                FindReviewQueueQuery.class,
                new ReviewQueuePage(
                        List.of(item("tx-1", null, ReviewStatus.PENDING), item("tx-2", "bob", ReviewStatus.PENDING)),
                        27,
                        0,
                        25));

        String html = render(
                get("/reviews")
                        .param("merchant", "m-42")
                        .param("minAmount", "1000")
                        .param("maxAmount", "not a number")
                        .param("pattern", "p-high-amount")
                        .param("order", "riskiest"),
                htmx);

        assertShape(html, htmx, "Reviews");
        assertThat(rowOf(html, "data-transaction-id=\"tx-1\""))
                .contains("href=\"/reviews/tx-1\"", "m-42", "1,500.00 EUR", "40.0", "p-high-amount");
        assertThat(rowOf(html, "data-transaction-id=\"tx-2\"")).contains("class=\"claimed-by\">bob<");
        assertThat(html).contains("27 transactions waiting, page 1 of 2", "class=\"next-page\"");
        FindReviewQueueQuery asked = queried(FindReviewQueueQuery.class);
        assertThat(asked.merchantId()).isEqualTo("m-42");
        assertThat(asked.patternId()).isEqualTo("p-high-amount");
        assertThat(asked.minAmount()).isEqualByComparingTo("1000");
        assertThat(asked.maxAmount()).as("a half-typed bound is no bound").isNull();
        assertThat(asked.order()).isEqualTo(ReviewQueueOrder.RISKIEST);
        assertThat(asked.page()).isZero();
    }

    @WithAndWithoutHtmx
    void anEmptyQueueSaysSo(boolean htmx) throws Exception {
        answer(FindReviewQueueQuery.class, new ReviewQueuePage(List.of(), 0, 0, 25));

        String html = render(get("/reviews"), htmx);

        assertThat(html).contains("Nothing waits for review.").doesNotContain("id=\"review-queue\"");
    }

    @WithAndWithoutHtmx
    void theReviewPageExplainsTheDecisionAndOffersTheClaim(boolean htmx) throws Exception {
        transaction(TransactionReview.PENDING, item("tx-1", null, ReviewStatus.PENDING));

        String html = render(get("/reviews/tx-1"), htmx);

        if (!htmx) {
            assertShape(html, false, "Reviews");
        }
        assertThat(html)
                .contains("Transaction <code>tx-1</code>", "pending", "p-high-amount", "High amount")
                .contains("features.card.count_5m = 4", "card-7f3a", "c-981")
                .contains("id=\"claim\"", "id=\"decide\"", "name=\"reason\"");
    }

    @WithAndWithoutHtmx
    void theReviewPageShowsTheModelsScoreAndWhatMovedIt(boolean htmx) throws Exception {
        RiskDecision scored = new RiskDecision(
                Decision.REVIEW,
                62.4,
                List.of(),
                7,
                false,
                DECIDED,
                List.of(),
                List.of(),
                new ModelScore(
                        "risk",
                        3,
                        62.4,
                        List.of(
                                new FeatureContribution("tx.amount", 1500.0, 1.234),
                                new FeatureContribution("tx.cross_border", null, -0.25))),
                new ModelScore("risk", 4, 58.0, List.of()));
        answer(
                FindTransactionQuery.class,
                Optional.of(new TransactionView(TX, scored, null, List.of(), TransactionReview.PENDING)));
        answer(FindReviewItemQuery.class, Optional.of(item("tx-1", null, ReviewStatus.PENDING)));

        String html = render(get("/reviews/tx-1"), htmx);

        assertThat(html)
                .contains("<code>risk v3</code> scored it", "<strong>62.4</strong>")
                .contains("<code>tx.amount</code>", "1500.00", "+1.234")
                .contains("<code>tx.cross_border</code>", "missing", "-0.250")
                .contains("<code>risk v4</code> would", "58.0");
    }

    @WithAndWithoutHtmx
    void aTransactionClaimedBySomeoneElseShowsWhoAndCannotBeWorked(boolean htmx) throws Exception {
        transaction(TransactionReview.PENDING, item("tx-1", "bob", ReviewStatus.PENDING));

        String html = render(get("/reviews/tx-1"), htmx);

        assertThat(html)
                .contains("Claimed by <strong class=\"claimed-by\">bob</strong>")
                .doesNotContain("id=\"claim\"", "id=\"decide\"");
    }

    @WithAndWithoutHtmx
    void aReviewedTransactionShowsItsFinalDecisionAndNoActions(boolean htmx) throws Exception {
        Instant reviewedAt = Instant.parse("2026-11-23T10:40:00Z");
        transaction(
                new TransactionReview(ReviewStatus.DECLINED, "bob", "card reported stolen", reviewedAt),
                item("tx-1", null, ReviewStatus.DECLINED));

        String html = render(get("/reviews/tx-1"), htmx);

        assertThat(html)
                .contains("declined", "by <strong>bob</strong>", "card reported stolen", "Final decision:")
                .doesNotContain("id=\"claim\"", "id=\"decide\"");
    }

    @WithAndWithoutHtmx
    void theTimelineListsEveryStoredEventOldestFirst(boolean htmx) throws Exception {
        Instant reviewedAt = Instant.parse("2026-11-23T10:40:00Z");
        List<OutcomeReport> outcomes = List.of(
                new OutcomeReport(
                        TransactionOutcome.CONFIRMED_FRAUD,
                        reviewedAt,
                        "card reported stolen",
                        null,
                        reviewedAt,
                        OutcomeSource.REVIEW),
                new OutcomeReport(
                        TransactionOutcome.CHARGEBACK,
                        Instant.parse("2026-11-30T08:00:00Z"),
                        "issuer 4837",
                        TransactionOutcome.CONFIRMED_FRAUD,
                        Instant.parse("2026-11-30T08:00:01Z"),
                        OutcomeSource.CLIENT));
        answer(
                FindTransactionQuery.class,
                Optional.of(new TransactionView(
                        TX,
                        REVIEW,
                        null,
                        outcomes,
                        new TransactionReview(ReviewStatus.DECLINED, "bob", "card reported stolen", reviewedAt))));
        answer(FindReviewItemQuery.class, Optional.empty());

        String html = render(get("/reviews/tx-1"), htmx);

        String timeline = html.substring(html.indexOf("id=\"timeline\""));
        assertThat(timeline)
                .containsSubsequence(
                        "recorded and decided",
                        "review",
                        "1,500.00 EUR",
                        "2026-11-23 10:40:00",
                        "reviewed",
                        "confirmed_fraud",
                        "card reported stolen",
                        "2026-11-30 08:00:01",
                        "outcome reported",
                        "chargeback",
                        "(replacing confirmed_fraud)",
                        "issuer 4837");
    }

    @WithAndWithoutHtmx
    void aViewerReadsATransactionFoundBySearchWithoutTheReviewActions(boolean htmx) throws Exception {
        signedIn = VIEWER;
        transaction(TransactionReview.PENDING, item("tx-1", null, ReviewStatus.PENDING));

        String html = render(get("/transactions/tx-1"), htmx);

        assertThat(html)
                .contains("Transaction <code>tx-1</code>", "p-high-amount", "id=\"timeline\"")
                .doesNotContain("id=\"claim\"", "id=\"decide\"", "← Review queue");
    }

    @WithAndWithoutHtmx
    void anUnknownTransactionIsA404(boolean htmx) throws Exception {
        answer(FindTransactionQuery.class, Optional.empty());

        String html = render(get("/reviews/tx-none"), htmx, 404);

        assertThat(html).contains("There is no transaction tx-none.");
    }

    @WithAndWithoutHtmx
    void claimingSendsTheClaimForTheSignedInAnalyst(boolean htmx) throws Exception {
        transaction(TransactionReview.PENDING, item("tx-1", "anna", ReviewStatus.PENDING));

        String html = submit(post("/reviews/tx-1/claim"), htmx);

        assertThat(sent(ClaimReviewCommand.class)).isEqualTo(new ClaimReviewCommand("tx-1", "anna"));
        assertThat(html).contains("Claimed: the others see you are working it.", "id=\"release\"");
    }

    @WithAndWithoutHtmx
    void aClaimRefusedSaysWhoHoldsIt(boolean htmx) throws Exception {
        transaction(TransactionReview.PENDING, item("tx-1", "bob", ReviewStatus.PENDING));
        willThrow(new ReviewClaimedException("tx-1", "bob", DECIDED.plusSeconds(900)))
                .given(commands)
                .sendAndWait(any(ClaimReviewCommand.class));

        String html = submit(post("/reviews/tx-1/claim"), htmx);

        assertThat(html).contains("transaction tx-1 is claimed by bob until");
    }

    @WithAndWithoutHtmx
    void decidingSendsTheReviewWithItsReason(boolean htmx) throws Exception {
        transaction(
                new TransactionReview(ReviewStatus.DECLINED, "anna", "card reported stolen", DECIDED),
                item("tx-1", null, ReviewStatus.DECLINED));
        answer(FindReviewQueueQuery.class, new ReviewQueuePage(List.of(), 0, 0, 25));

        String html = submit(
                post("/reviews/tx-1/decision")
                        .param("finalDecision", "decline")
                        .param("reason", "card reported stolen"),
                htmx);

        ReviewTransactionCommand review = sent(ReviewTransactionCommand.class);
        assertThat(review.transactionId()).isEqualTo("tx-1");
        assertThat(review.finalDecision()).isEqualTo(Decision.DECLINE);
        assertThat(review.reviewer()).isEqualTo("anna");
        assertThat(review.reason()).isEqualTo("card reported stolen");
        assertThat(html).contains("Transaction tx-1 declined.");
        if (!htmx) {
            assertThat(html).as("back to the queue").contains("Review queue", "Nothing waits for review.");
        }
    }

    @WithAndWithoutHtmx
    void aDecisionWithoutAReasonIsRefusedAndSendsNothing(boolean htmx) throws Exception {
        transaction(TransactionReview.PENDING, item("tx-1", "anna", ReviewStatus.PENDING));

        String html = submit(post("/reviews/tx-1/decision").param("finalDecision", "approve"), htmx);

        assertThat(html).contains("Give a reason for the decision.");
        verifyNoInteractions(commands);
    }

    @WithAndWithoutHtmx
    void viewersAndOperatorsCannotSeeOrWorkTheQueue(boolean htmx) throws Exception {
        for (var user : List.of(VIEWER, OPERATOR)) {
            signedIn = user;
            assertRefused(get("/reviews"), htmx);
            assertRefused(get("/reviews/tx-1"), htmx);
            assertRefused(post("/reviews/tx-1/claim"), htmx);
            assertRefused(
                    post("/reviews/tx-1/decision")
                            .param("finalDecision", "approve")
                            .param("reason", "fine"),
                    htmx);
        }
    }
}
