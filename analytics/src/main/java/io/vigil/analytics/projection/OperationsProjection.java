package io.vigil.analytics.projection;

import static io.vigil.analytics.projection.IdempotentTableWriter.dateTime;
import static io.vigil.analytics.projection.ProjectionBatches.text;

import io.vigil.analytics.config.ClickHouseSettings;
import io.vigil.analytics.store.ClickHouse;
import io.vigil.ingest.api.OperationalEvent;
import io.vigil.ingest.api.OperationalEventsRecordedEvent;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Projects operational events into ClickHouse's {@code operations} table, from which a materialized view keeps the
 * per-minute rollups monitors read (decided transactions are added there by {@link TransactionProjection}). Counting
 * exactly once rests on two facts: the rows one event store event carries are inserted in one block, tagged with
 * that event's id, and a replayed batch skips the ids already present (see {@link IdempotentTableWriter}).
 */
@Component
@ProcessingGroup(OperationsProjection.PROCESSING_GROUP)
class OperationsProjection {

    static final String PROCESSING_GROUP = "clickhouse-operations";
    private static final Logger log = LoggerFactory.getLogger(OperationsProjection.class);
    private static final String BATCH = OperationsProjection.class.getName() + ".batch";
    private static final int SMALL_BATCH = 2_000;
    /**
     * Fewer event store events than this in a batch (and few rows) means the processor is at the head of the stream:
     * only then does it pause. A batch of many events is a backlog being caught up, never paused.
     */
    private static final int FEW_EVENTS = 100;
    /** Rows per insert at most (plus one event's worth): bounds the memory a processor batch holds. */
    private static final int CHUNK_ROWS = 100_000;

    private final IdempotentTableWriter operations;
    private final LateRollups late;
    private final ProjectionBatches<Batch> batches;

    OperationsProjection(ClickHouse clickHouse, ClickHouseSettings settings, LateRollups late) {
        this.late = late;
        this.batches = new ProjectionBatches<>(
                BATCH,
                Batch::new,
                this::flush,
                batch -> batch.events < FEW_EVENTS && batch.rows.size() < SMALL_BATCH && !batch.chunked,
                settings.projectionPause().toMillis());
        this.operations = new IdempotentTableWriter(
                clickHouse, "operations", AuthorizationRows.OPERATIONS_COLUMNS, "batch_id", false);
    }

    @EventHandler
    void on(OperationalEventsRecordedEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        Batch batch = batch();
        batch.events++;
        if (batch.rows.size() >= CHUNK_ROWS) {
            // a processor batch of many large event batches goes to ClickHouse in chunks, each holding whole event
            // store events: a replay after a crash skips the chunks already written, by their events' ids
            batches.write(batch, batch.verify);
            batch.rows.clear();
            batch.chunked = true;
        }
        List<ProjectionRow> rows = batch.rows;
        String batchId = message.getIdentifier();
        String recorded = dateTime(recordedAt);
        for (OperationalEvent e : event.events()) {
            rows.add(new ProjectionRow(batchId, recordedAt, new Object[] {
                batchId,
                recorded,
                e.eventId(),
                dateTime(e.timestamp()),
                "api",
                e.merchantId(),
                e.operation(),
                e.success() ? 1 : 0,
                text(e.errorCode()),
                text(e.country()),
                text(e.paymentMethod()),
                text(e.channel()),
                text(e.browser()),
                text(e.deviceType())
            }));
        }
    }

    /**
     * The rows of the current processor batch. The pause after a small batch (see {@link ProjectionBatches}) applies
     * only at the head of the stream.
     */
    private Batch batch() {
        return batches.current();
    }

    @ResetHandler
    void onReset() {
        batches.reset();
    }

    private void flush(Batch batch, boolean verify) throws SQLException {
        int written = operations.write(batch.rows, verify);
        late.written(batch.rows);
        log.debug("Projected {} operations to ClickHouse", written);
    }

    private static final class Batch {
        final List<ProjectionRow> rows = new ArrayList<>();
        /** Whether the rows may be in ClickHouse already; the same for every chunk of the batch. */
        final boolean verify;

        boolean chunked;
        int events;

        Batch(boolean verify) {
            this.verify = verify;
        }
    }
}
