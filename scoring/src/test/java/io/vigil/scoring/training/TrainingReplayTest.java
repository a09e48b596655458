package io.vigil.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternSet;
import io.vigil.scoring.api.LabelTime;
import io.vigil.scoring.config.ScoringSettings;
import io.vigil.scoring.decision.RiskEngine;
import io.vigil.scoring.model.ModelFeatures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * Point-in-time correctness of the training replay: a label counts in the label-risk features only from the moment it
 * was reported, so a label reported after a transaction never changes that transaction's row, and one reported before
 * it does.
 */
class TrainingReplayTest {

    private static final Instant DAY0 = Instant.parse("2004-03-01T00:00:00Z");
    private static final List<String> NAMES = ModelFeatures.names();
    private static final int CARD_FRAUD_7D = NAMES.indexOf("labels.card.fraud_7d");
    private static final int MERCHANT_FRAUD_28D = NAMES.indexOf("labels.merchant.fraud_28d");

    private final RiskEngine engine = new RiskEngine(
            new ScoringSettings(50, 80, Decision.REVIEW, Duration.ofSeconds(30), Duration.ofMillis(50)),
            Clock.systemUTC());

    private static Instant day(double d) {
        return DAY0.plusSeconds((long) (d * 86_400));
    }

    /** Card X: A on day 1 (fraud), B on day 5, C on day 8; the label of A reported at {@code reportedOn}. */
    private Map<String, TrainingReplay.Row> replay(Double reportedOn, LabelTime labelTime, Instant stated) {
        InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
        List<Object[]> events = new ArrayList<>();
        events.add(new Object[] {recorded("A", day(1)), day(1)});
        events.add(new Object[] {recorded("B", day(5)), day(5)});
        events.add(new Object[] {recorded("C", day(8)), day(8)});
        if (reportedOn != null) {
            events.add(new Object[] {
                new TransactionOutcomeReportedEvent("A", TransactionOutcome.CHARGEBACK, stated, null), day(reportedOn)
            });
        }
        events.sort((a, b) -> ((Instant) a[1]).compareTo((Instant) b[1]));
        for (Object[] e : events) {
            store.appendEvents(
                    new GenericEventMessage<>(java.util.UUID.randomUUID().toString(), e[0], Map.of(), (Instant) e[1]));
        }
        Map<String, TrainingReplay.Row> rows = new LinkedHashMap<>();
        new TrainingReplay(store, engine, Clock.systemUTC(), Long.MAX_VALUE)
                .run(
                        new TrainingReplay.Spec(day(0), day(10), Duration.ZERO, labelTime, NAMES),
                        new PatternSet(0, List.of()),
                        share -> true,
                        row -> rows.put(row.tx().transactionId(), row));
        return rows;
    }

    @Test
    void aLabelReportedAfterATransactionDoesNotChangeItsRow() {
        Map<String, TrainingReplay.Row> unlabelled = replay(null, LabelTime.REPORTED, null);
        Map<String, TrainingReplay.Row> labelledOnDay6 = replay(6.5, LabelTime.REPORTED, day(6.5));

        assertThat(labelledOnDay6.get("B").values())
                .as("B (day 5) is replayed before the label of A is reported (day 6): identical features")
                .containsExactly(unlabelled.get("B").values());
        assertThat(labelledOnDay6.get("B").values()[CARD_FRAUD_7D]).isZero();
        assertThat(labelledOnDay6.get("C").values()[CARD_FRAUD_7D])
                .as("C (day 8) comes after the report")
                .isEqualTo(1f);
        assertThat(labelledOnDay6.get("C").values()[MERCHANT_FRAUD_28D]).isEqualTo(1f);
        assertThat(labelledOnDay6.get("A").fraud())
                .as("A's own label, known at the end of the range")
                .isTrue();
        assertThat(labelledOnDay6.get("B").fraud()).isFalse();
    }

    @Test
    void aLabelReportedBeforeATransactionChangesItsRow() {
        Map<String, TrainingReplay.Row> labelledOnDay3 = replay(3.0, LabelTime.REPORTED, day(3));
        assertThat(labelledOnDay3.get("B").values()[CARD_FRAUD_7D]).isEqualTo(1f);
        assertThat(labelledOnDay3.get("A").values()[CARD_FRAUD_7D]).isZero();
    }

    @Test
    void aLabelReportedAfterTheRangeIsNotTheRowsLabel() {
        Map<String, TrainingReplay.Row> late = replay(12.0, LabelTime.REPORTED, day(12));
        assertThat(late.get("A").fraud()).isFalse();
        assertThat(late.get("C").values()[CARD_FRAUD_7D]).isZero();
    }

    @Test
    void aStatedReportTimeCountsWhenItIsEarlierThanTheRecording() {
        // recorded on day 9 (a back-fill), stated as reported on day 3: counts from day 3 with STATED only
        assertThat(replay(9.0, LabelTime.STATED, day(3)).get("B").values()[CARD_FRAUD_7D])
                .isEqualTo(1f);
        assertThat(replay(9.0, LabelTime.REPORTED, day(3)).get("B").values()[CARD_FRAUD_7D])
                .isZero();
        // a stated time later than the recording is not believed
        assertThat(replay(3.0, LabelTime.STATED, day(7)).get("B").values()[CARD_FRAUD_7D])
                .isEqualTo(1f);
    }

    @Test
    void stopsWhenTold() {
        InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
        for (int i = 0; i < TrainingReplay.PROGRESS_EVERY + 10; i++) {
            store.appendEvents(GenericEventMessage.asEventMessage(recorded("t" + i, day(1))));
        }
        TrainingReplay replay = new TrainingReplay(store, engine, Clock.systemUTC(), Long.MAX_VALUE);
        assertThatThrownBy(() -> replay.run(
                        new TrainingReplay.Spec(day(0), day(10), Duration.ZERO, LabelTime.REPORTED, NAMES),
                        new PatternSet(
                                0,
                                List.of(new PatternDefinition(
                                        "p", "p", "", "tx.amount > 1.0", "review", PatternMode.ACTIVE, 1))),
                        share -> false,
                        row -> {}))
                .isInstanceOf(CancellationException.class);
    }

    private static TransactionRecordedEvent recorded(String id, Instant at) {
        return new TransactionRecordedEvent(
                id,
                new TransactionDetails(
                        id,
                        at,
                        new BigDecimal("25"),
                        "EUR",
                        "m-1",
                        "c-" + id,
                        "card-x",
                        null,
                        null,
                        null,
                        null,
                        "SE",
                        "card",
                        "web",
                        null,
                        null,
                        Map.of()));
    }
}
