package io.vigil.scoring.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionRecordedEvent;
import java.time.Instant;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/** Each committed transaction counts exactly once; one whose unit of work rolls back never counts. */
class FeatureRecorderTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final InMemoryFeatureStore store = new InMemoryFeatureStore();
    private final FeatureRecorder recorder = new FeatureRecorder(store);

    @Test
    void countsACommittedTransactionOnceAfterTheCommit() {
        TransactionDetails tx = InMemoryFeatureStoreTest.tx("t1", T0, "c-1", "card-1", null, null, "10");
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("command"));

        recorder.on(new TransactionRecordedEvent("t1", tx));
        assertThat(cardCount()).as("not before the commit").isZero();
        uow.commit();

        assertThat(cardCount()).isEqualTo(1);
    }

    @Test
    void neverCountsATransactionThatRolledBack() {
        TransactionDetails tx = InMemoryFeatureStoreTest.tx("t1", T0, "c-1", "card-1", null, null, "10");
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("command"));

        recorder.on(new TransactionRecordedEvent("t1", tx));
        uow.rollback();

        assertThat(cardCount()).isZero();
        assertThat(store.entities()).isZero();
    }

    /**
     * The decision behind {@code feature-store} propagating handler failures like every group: its handler only
     * schedules the count, and the count runs after the commit, where a failure cannot turn a stored decision into an
     * error answer (Axon runs after-commit work without letting its failures out; the rebuild at the next start
     * counts what was missed).
     */
    @Test
    void aCountThatFailsAfterTheCommitDoesNotFailTheCommittedUnitOfWork() {
        FeatureStore failing = (FeatureStore) java.lang.reflect.Proxy.newProxyInstance(
                FeatureStore.class.getClassLoader(), new Class<?>[] {FeatureStore.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("the feature store failed");
                });
        TransactionDetails tx = InMemoryFeatureStoreTest.tx("t1", T0, "c-1", "card-1", null, null, "10");
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("command"));

        new FeatureRecorder(failing).on(new TransactionRecordedEvent("t1", tx));
        uow.commit();

        assertThat(uow.isRolledBack()).isFalse();
    }

    private long cardCount() {
        TransactionDetails probe =
                InMemoryFeatureStoreTest.tx("probe", T0.plusSeconds(5), "c-1", "card-1", null, null, "1");
        return (Long) store.read(probe).value("features.card.count_5m");
    }
}
