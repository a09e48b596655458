package io.vigil.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.scoring.features.EntityKind;
import io.vigil.scoring.features.EntityLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * The online feed of the entity history: a transaction counted, an outcome applied to the entities of the
 * transaction it names (read from the event store), and the background rebuild at start-up doing the same from the
 * stored events.
 */
class HistoryRecorderTest {

    private static final Instant NOW = Instant.now();

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore events =
            EmbeddedEventStore.builder().storageEngine(storage).build();

    private TransactionDetails store(String id, Instant at) {
        TransactionDetails tx = FeatureVectorsTest.tx(id, at, "40", "card-" + id, "SE", "d-1");
        storage.appendEvents(
                new GenericDomainEventMessage<>("Transaction", id, 0, new TransactionRecordedEvent(id, tx)));
        return tx;
    }

    @Test
    void anOutcomeCountsForTheEntitiesOfTheTransactionItNames() {
        EntityHistory history = new EntityHistory(Clock.systemUTC());
        EntityLinks links = new EntityLinks(Clock.systemUTC());
        HistoryRecorder recorder = new HistoryRecorder(history, links, events);
        TransactionDetails tx = store("t1", NOW.minus(Duration.ofDays(2)));
        recorder.on(new TransactionRecordedEvent("t1", tx));

        recorder.on(new TransactionOutcomeReportedEvent("t1", TransactionOutcome.CONFIRMED_FRAUD, NOW, null), NOW);

        int today = history.dayOf(NOW);
        assertThat(history.state(EntityKind.CARD, "card-t1").count(7, today)).isEqualTo(1);
        assertThat(history.state(EntityKind.CARD, "card-t1").frauds(7, today)).isEqualTo(1);
        assertThat(history.state(EntityKind.DEVICE, "d-1").frauds(28, today)).isEqualTo(1);
        assertThat(links.fraud(EntityKind.CARD, "card-t1", links.minuteOf(NOW)))
                .as("the card is marked in the linked entities too")
                .isTrue();
        recorder.on(new TransactionOutcomeReportedEvent("nobody", TransactionOutcome.CHARGEBACK, NOW, null), NOW);
        assertThat(history.labelled())
                .as("an outcome of an unknown transaction is ignored")
                .isEqualTo(1);
    }

    @Test
    void theRebuildReadsTheStoredTransactionsAndOutcomes() throws Exception {
        store("t1", NOW.minus(Duration.ofDays(3)));
        store("t2", NOW.minus(Duration.ofDays(1)));
        storage.appendEvents(new GenericDomainEventMessage<>(
                "Transaction",
                "t1",
                1,
                new TransactionOutcomeReportedEvent("t1", TransactionOutcome.CHARGEBACK, NOW, null)));
        EntityHistory history = new EntityHistory(Clock.systemUTC());
        EntityLinks links = new EntityLinks(Clock.systemUTC());
        HistoryRebuild rebuild = new HistoryRebuild(storage, events, history, links);

        rebuild.start();
        for (int i = 0; i < 100 && !rebuild.done(); i++) {
            Thread.sleep(20);
        }

        assertThat(rebuild.done()).isTrue();
        int today = history.dayOf(NOW);
        assertThat(history.state(EntityKind.DEVICE, "d-1").count(7, today)).isEqualTo(2);
        assertThat(history.state(EntityKind.CARD, "card-t1").frauds(7, today)).isEqualTo(1);
        assertThat(history.state(EntityKind.CARD, "card-t2").frauds(7, today)).isZero();
        int now = links.minuteOf(NOW);
        assertThat(links.neighbours(EntityKind.DEVICE, "d-1", now, EntityLinks.MAX_LINKS))
                .extracting(EntityLinks.Linked::key)
                .contains("card-t1", "card-t2");
        assertThat(links.fraud(EntityKind.CARD, "card-t1", now)).isTrue();
        assertThat(links.fraud(EntityKind.CARD, "card-t2", now)).isFalse();
        rebuild.stop();
    }
}
