package io.vigil.scoring.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.patterns.api.BacktestResult;
import io.vigil.patterns.api.BacktestResult.DecisionMix;
import io.vigil.patterns.api.FeatureAggregation;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternSet;
import io.vigil.scoring.config.ScoringSettings;
import io.vigil.scoring.decision.PatternCompiler;
import io.vigil.scoring.decision.RiskEngine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * The replay over an event store: warm-up transactions before the range feed the features but are not evaluated,
 * transactions are replayed in time order whatever order they were stored in, labels come from the latest outcome,
 * and the decision mix compares the live set with the live set plus the pattern.
 */
class BacktestReplayTest {

    private static final Instant FROM = Instant.parse("2004-03-01T10:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofHours(1));

    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private final PatternCompiler compiler = new PatternCompiler();
    private final RiskEngine engine = new RiskEngine(
            new ScoringSettings(50, 80, Decision.REVIEW, Duration.ofSeconds(30), Duration.ofMillis(50)),
            Clock.systemUTC());

    @Test
    void replaysInTimeOrderWithWarmUpAndCountsAgainstTheLabels() {
        store(
                recorded("a-0950", "card-a", "09:50"), // warm-up: counted in the features, not evaluated
                recorded("a-1010", "card-a", "10:10"), // stored before the earlier one: replayed after it
                recorded("a-1005", "card-a", "10:05"),
                recorded("b-1020", "card-b", "10:20"),
                recorded("a-1105", "card-a", "11:05"), // after the range
                outcome("a-1005", TransactionOutcome.CHARGEBACK),
                outcome("a-1005", TransactionOutcome.CONFIRMED_LEGITIMATE), // the latest label wins
                outcome("a-1010", TransactionOutcome.CHARGEBACK),
                outcome("b-1020", TransactionOutcome.CONFIRMED_FRAUD),
                outcome("a-1105", TransactionOutcome.CHARGEBACK));

        BacktestResult result = replay("features.card.count_1h >= 2", new PatternSet(0, List.of()))
                .result();

        assertThat(result.transactions()).isEqualTo(3);
        assertThat(result.sampleHits())
                .as("a-1005 sees one earlier transaction (the warm-up), a-1010 two")
                .containsExactly("a-1010");
        assertThat(result.fraudHits()).isEqualTo(1);
        assertThat(result.legitimateHits()).isZero();
        assertThat(result.fraudTransactions()).isEqualTo(2);
        assertThat(result.legitimateTransactions()).isEqualTo(1);
        assertThat(result.precision()).isEqualTo(1.0);
        assertThat(result.recall()).isEqualTo(0.5);
        assertThat(result.moneyCaught()).isEqualTo(Map.of("EUR", new BigDecimal("10")));
        assertThat(result.liveDecisions()).isEqualTo(new DecisionMix(3, 0, 0));
        assertThat(result.withPatternDecisions()).isEqualTo(new DecisionMix(2, 0, 1));
    }

    @Test
    void aPatternThatReplacesALiveOneChangesTheDecisionsItNoLongerMakes() {
        store(
                recorded("a-1005", "card-a", "10:05"),
                recorded("b-1010", "card-b", "10:10"),
                recorded("c-1015", "card-c", "10:15"));
        PatternSet live = new PatternSet(
                7,
                List.of(new PatternDefinition(
                        "p-tested", "old", "", "tx.cardFingerprint != 'card-c'", "review", PatternMode.ACTIVE, 1)));

        BacktestResult result = replay("tx.cardFingerprint == 'card-a'", live).result();

        assertThat(result.liveDecisions()).isEqualTo(new DecisionMix(1, 2, 0));
        assertThat(result.withPatternDecisions())
                .as("the new version replaces the live one: only card-a is declined, card-b is approved again")
                .isEqualTo(new DecisionMix(2, 0, 1));
    }

    @Test
    void aPatternReadingAnAnalystFeatureIsBacktestedWithTheFeatureWarmedUpOverItsWindow() {
        store(
                recorded("a-0301", "card-a", "2004-02-27T10:00:00Z"), // three days before: in the 7-day window
                recorded("a-0302", "card-a", "2004-02-28T10:00:00Z"),
                recorded("a-1005", "card-a", "10:05"),
                recorded("b-1010", "card-b", "10:10"));
        FeatureDefinition weekly =
                new FeatureDefinition("card_count_7d", "card", FeatureAggregation.COUNT, null, 10080, null);
        PatternSet live = new PatternSet(3, List.of(), List.of(), List.of(weekly));

        BacktestResult result =
                replay("features.custom.card_count_7d >= 2", live).result();

        assertThat(result.transactions()).isEqualTo(2);
        assertThat(result.sampleHits())
                .as("a-1005 sees the two transactions of days before the range, beyond the 25 hours of warm-up")
                .containsExactly("a-1005");
    }

    @Test
    void asksForProgressAndStopsWhenTold() {
        for (int i = 0; i < BacktestReplay.PROGRESS_EVERY + 10; i++) {
            store(recorded("t-" + i, "card-" + i, "10:30"));
        }
        AtomicInteger asked = new AtomicInteger();
        BacktestTally[] stopped = {null};
        BacktestReplay replay = new BacktestReplay(store, engine, Clock.systemUTC(), Long.MAX_VALUE);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> replay.run(
                        FROM,
                        TO,
                        subject("tx.amount > 1.0", new PatternSet(0, List.of())),
                        (share, tally) -> asked.incrementAndGet() < 2,
                        tally -> stopped[0] = tally))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(asked).hasValue(2);
        assertThat(stopped[0]).isNotNull();
    }

    private BacktestTally replay(String expression, PatternSet live) {
        return new BacktestReplay(store, engine, Clock.systemUTC(), Long.MAX_VALUE)
                .run(FROM, TO, subject(expression, live), (share, tally) -> true, tally -> {});
    }

    private BacktestReplay.Subject subject(String expression, PatternSet live) {
        PatternDefinition tested =
                new PatternDefinition("p-tested", "Tested", "", expression, "decline", PatternMode.ACTIVE, 0);
        List<PatternDefinition> with = new java.util.ArrayList<>(live.patterns().stream()
                .filter(p -> !p.id().equals(tested.id()))
                .toList());
        with.add(tested);
        PatternCompiler withFeatures = new PatternCompiler(live.features());
        return new BacktestReplay.Subject(
                withFeatures.compile(live),
                withFeatures.compile(new PatternSet(0, List.of(tested))),
                withFeatures.compile(new PatternSet(live.version(), with, live.lists(), live.features())),
                live.patterns().stream().anyMatch(p -> p.id().equals(tested.id())),
                live.features(),
                withFeatures);
    }

    private void store(Object... payloads) {
        for (Object payload : payloads) {
            store.appendEvents(GenericEventMessage.asEventMessage(payload));
        }
    }

    private static TransactionRecordedEvent recorded(String id, String card, String time) {
        return new TransactionRecordedEvent(
                id,
                transaction(
                        id,
                        time.contains("T") ? Instant.parse(time) : Instant.parse("2004-03-01T" + time + ":00Z"),
                        "10.00",
                        "EUR",
                        card));
    }

    /** A transaction with only what backtests need: the rest is absent. */
    static TransactionDetails transaction(String id, Instant at, String amount, String currency, String card) {
        return new TransactionDetails(
                id,
                at,
                new BigDecimal(amount),
                currency,
                "m-1",
                null,
                card,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of());
    }

    private static TransactionOutcomeReportedEvent outcome(String id, TransactionOutcome outcome) {
        return new TransactionOutcomeReportedEvent(id, outcome, Instant.now(), null);
    }
}
