package io.vigil.analytics.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/** When a projection's batch must look for rows already in ClickHouse, and when it need not. */
class ProjectionBatchesTest {

    private final List<Boolean> written = new ArrayList<>();
    private boolean failNext;
    private final ProjectionBatches<List<String>> batches = new ProjectionBatches<>(
            "test.batch",
            verify -> new ArrayList<>(),
            (batch, verify) -> {
                if (failNext) {
                    failNext = false;
                    throw new java.sql.SQLException("ClickHouse is down");
                }
                written.add(verify);
            },
            batch -> false,
            0);

    private static TrackedEventMessage<String> event(TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("payload"));
    }

    private void runBatch(TrackingToken token) {
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(event(token));
        uow.execute(() -> batches.current().add("row"));
    }

    @Test
    void theFirstBatchAfterStartIsVerifiedAndTheNextOnesAreNot() {
        runBatch(new GlobalSequenceTrackingToken(1));
        runBatch(new GlobalSequenceTrackingToken(2));
        runBatch(new GlobalSequenceTrackingToken(3));

        assertThat(written).containsExactly(true, false, false);
    }

    @Test
    void aBatchRetriedAfterAFailureIsVerified() {
        runBatch(new GlobalSequenceTrackingToken(1));
        failNext = true;
        assertThatThrownBy(() -> runBatch(new GlobalSequenceTrackingToken(2))).hasMessageContaining("will be retried");
        runBatch(new GlobalSequenceTrackingToken(2));
        runBatch(new GlobalSequenceTrackingToken(3));

        assertThat(written).containsExactly(true, true, false);
    }

    @Test
    void replayedBatchesAreVerified() {
        runBatch(new GlobalSequenceTrackingToken(1));
        batches.reset();
        TrackingToken replay =
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(2));
        runBatch(replay);
        runBatch(replay);

        assertThat(written).containsExactly(true, true, true);
    }

    @Test
    void oneBatchPerUnitOfWork() {
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(event(new GlobalSequenceTrackingToken(1)));
        uow.execute(() -> {
            batches.current().add("a");
            batches.current().add("b");
            assertThat(batches.current()).containsExactly("a", "b");
        });

        assertThat(written).containsExactly(true);
    }
}
