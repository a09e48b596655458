package io.vigil.web.patterns;

import static io.vigil.web.patterns.PatternFixtures.ID;
import static io.vigil.web.patterns.PatternFixtures.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.vigil.patterns.api.BacktestResult;
import io.vigil.patterns.api.BacktestResult.DecisionMix;
import io.vigil.patterns.api.BacktestStatus;
import io.vigil.patterns.api.CancelPatternBacktestCommand;
import io.vigil.patterns.api.FindPatternBacktestQuery;
import io.vigil.patterns.api.FindPatternBacktestsQuery;
import io.vigil.patterns.api.FindPatternQuery;
import io.vigil.patterns.api.PatternBacktest;
import io.vigil.patterns.api.PatternBacktests;
import io.vigil.patterns.api.PatternInvalidException;
import io.vigil.patterns.api.StartPatternBacktestCommand;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A pattern's backtests in the console: the pattern's page loads them, the form starts one over the last 24 hours by
 * default, a running one is polled and can be cancelled, a finished one shows its results, a refusal is shown, and
 * roles below analyst cannot start one. Each case runs with and without htmx's HX-Request header.
 */
@WebMvcTest({PatternBacktestsController.class, PatternsController.class})
@Import(PatternBacktestsControllerTest.FixedClock.class)
class PatternBacktestsControllerTest extends ConsoleMvcTestSupport {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:42Z");
    private static final Instant FROM = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-23T10:00:00Z");

    private static final BacktestResult RESULT = new BacktestResult(
            55,
            6,
            4,
            1,
            1,
            7,
            11,
            0.8,
            4.0 / 7,
            Map.of("EUR", new BigDecimal("5.00")),
            Map.of("EUR", new BigDecimal("3.00")),
            new DecisionMix(55, 0, 0),
            new DecisionMix(49, 0, 6),
            List.of("tx-d1", "tx-a2"));

    private static final PatternBacktest COMPLETED = run(BacktestStatus.COMPLETED, 1, RESULT);
    private static final PatternBacktest RUNNING = run(BacktestStatus.RUNNING, 0.4, null);

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @BeforeEach
    void anAnalyst() {
        signedIn = ANALYST;
        answer(FindPatternQuery.class, Optional.of(SUBMITTED));
        answer(FindPatternBacktestsQuery.class, new PatternBacktests(List.of(COMPLETED)));
        answer(FindPatternBacktestQuery.class, Optional.of(COMPLETED));
    }

    @WithAndWithoutHtmx
    void thePatternsPageLoadsItsBacktests(boolean htmx) throws Exception {
        String html = render(get("/patterns/p-card-testing"), htmx);

        assertThat(html)
                .contains("id=\"backtest\"", "hx-get=\"/patterns/p-card-testing/backtests\"", "hx-trigger=\"load\"")
                .contains("href=\"/patterns/p-card-testing/backtests\"");
    }

    @WithAndWithoutHtmx
    void theFormOffersTheLast24HoursAndTheRunsKept(boolean htmx) throws Exception {
        String html = render(get("/patterns/p-card-testing/backtests"), htmx);

        assertShape(html, htmx, "Patterns");
        assertThat(html)
                .contains("id=\"backtest-form\"", "hx-post=\"/patterns/p-card-testing/backtests\"")
                .contains("name=\"from\" value=\"2026-11-22T10:15\"", "name=\"to\" value=\"2026-11-23T10:15\"");
        assertThat(rowOf(html, "data-run=\"bt-1\""))
                .contains(
                        "href=\"/patterns/p-card-testing/backtests/bt-1\"", ">completed<", ">6<", ">80.0%<", ">57.1%<");
        assertThat(queried(FindPatternBacktestsQuery.class)).isEqualTo(new FindPatternBacktestsQuery(ID));
    }

    @WithAndWithoutHtmx
    void startingOneSendsTheRangeInUtcAndShowsTheRunPolledWhileItRuns(boolean htmx) throws Exception {
        answer(FindPatternBacktestQuery.class, Optional.of(RUNNING));

        String html = submit(
                post("/patterns/p-card-testing/backtests")
                        .param("from", "2026-11-22T10:00")
                        .param("to", "2026-11-23T10:00"),
                htmx);

        StartPatternBacktestCommand sent = sent(StartPatternBacktestCommand.class);
        assertThat(sent.patternId()).isEqualTo(ID);
        assertThat(sent.from()).isEqualTo(FROM);
        assertThat(sent.to()).isEqualTo(TO);
        assertThat(sent.version()).as("the draft").isNull();
        assertThat(sent.runId()).startsWith("bt-");
        assertThat(html)
                .contains(">running<", "<progress", ">40%<")
                .contains("hx-get=\"/patterns/p-card-testing/backtests/bt-1\"", "hx-trigger=\"every 1s\"")
                .contains("id=\"backtest-cancel\"", "action=\"/patterns/p-card-testing/backtests/bt-1/cancel\"");
    }

    @WithAndWithoutHtmx
    void aFinishedRunShowsItsResultsAndIsNoLongerPolled(boolean htmx) throws Exception {
        String html = render(get("/patterns/p-card-testing/backtests/bt-1"), htmx);

        assertShape(html, htmx, "Patterns");
        assertThat(html)
                .contains(">completed<", ">55<", ">80.0%<", ">57.1%<", "5.00 EUR", "3.00 EUR")
                .contains("<code>tx-d1</code>", "<code>tx-a2</code>")
                .doesNotContain("hx-trigger=\"every 1s\"", "id=\"backtest-cancel\"");
        assertThat(rowOf(html, "class=\"backtest-change\"")).contains(">-6<", ">6<");
    }

    @WithAndWithoutHtmx
    void theRunsKeptReloadOnTheirOwnWhenARunStartsOrEnds(boolean htmx) throws Exception {
        String html = render(get("/patterns/p-card-testing/backtests/runs"), htmx);

        assertShape(html, htmx, "Patterns");
        assertThat(html)
                .contains("id=\"backtest-runs\"", "hx-get=\"/patterns/p-card-testing/backtests/runs\"")
                .contains("hx-trigger=\"backtests-changed from:body\"")
                .doesNotContain("No backtest yet.");
        assertThat(rowOf(html, "data-run=\"bt-1\"")).contains(">completed<", ">6<");
        if (htmx) {
            assertThat(html).doesNotContain("id=\"backtest-form\"");
        }
    }

    @WithAndWithoutHtmx
    void theLastPollOfARunTellsTheListOfRunsToReload(boolean htmx) throws Exception {
        String finished = triggerOf(get("/patterns/p-card-testing/backtests/bt-1"), htmx);
        answer(FindPatternBacktestQuery.class, Optional.of(RUNNING));
        String whileRunning = triggerOf(get("/patterns/p-card-testing/backtests/bt-1"), htmx);

        assertThat(finished).isEqualTo(htmx ? "backtests-changed" : null);
        assertThat(whileRunning).as("not at every poll").isNull();
    }

    /** The HX-Trigger header of the answer. */
    private String triggerOf(MockHttpServletRequestBuilder request, boolean htmx) throws Exception {
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return mvc.perform(asOnThePage(request)).andReturn().getResponse().getHeader("HX-Trigger");
    }

    @WithAndWithoutHtmx
    void aRunningBacktestCanBeCancelled(boolean htmx) throws Exception {
        String html = submit(post("/patterns/p-card-testing/backtests/bt-1/cancel"), htmx);

        assertThat(sent(CancelPatternBacktestCommand.class)).isEqualTo(new CancelPatternBacktestCommand(ID, "bt-1"));
        assertThat(html).contains("data-run=\"bt-1\"").doesNotContain("role=\"alert\"");
    }

    @WithAndWithoutHtmx
    void aRefusedStartIsExplained(boolean htmx) throws Exception {
        willThrow(new PatternInvalidException(List.of("to must be after from")))
                .given(commands)
                .sendAndWait(any(StartPatternBacktestCommand.class));

        String html = submit(
                post("/patterns/p-card-testing/backtests")
                        .param("from", "2026-11-23T10:00")
                        .param("to", "2026-11-22T10:00"),
                htmx);

        assertThat(html)
                .contains("role=\"alert\"", "The backtest was not started: to must be after from.")
                .contains("id=\"backtest-form\"");
    }

    @WithAndWithoutHtmx
    void anUnreadableTimeSendsNothing(boolean htmx) throws Exception {
        String html = submit(
                post("/patterns/p-card-testing/backtests")
                        .param("from", "yesterday")
                        .param("to", ""),
                htmx);

        assertThat(html)
                .contains("The backtest was not started: from must be a date and time such as 2026-11-23T10:00");
        org.mockito.Mockito.verifyNoInteractions(commands);
    }

    @WithAndWithoutHtmx
    void onlyAnalystsAndAboveStartOrCancelBacktests(boolean htmx) throws Exception {
        for (var user : List.of(VIEWER, OPERATOR)) {
            signedIn = user;
            assertRefused(
                    post("/patterns/p-card-testing/backtests")
                            .param("from", "2026-11-22T10:00")
                            .param("to", "2026-11-23T10:00"),
                    htmx);
            assertRefused(post("/patterns/p-card-testing/backtests/bt-1/cancel"), htmx);
        }
    }

    private static PatternBacktest run(BacktestStatus status, double progress, BacktestResult result) {
        return new PatternBacktest(
                "bt-1",
                ID,
                null,
                "draft",
                "features.card.count_5m >= 2 && tx.amount < 3.0",
                "decline",
                FROM,
                TO,
                status,
                progress,
                "anna",
                NOW,
                status == BacktestStatus.RUNNING ? null : NOW,
                result,
                null);
    }
}
