package io.vigil.analytics.query;

import static io.vigil.analytics.query.IdempotentTableWriter.dateTime;
import static io.vigil.analytics.query.ProjectionBatches.text;

import io.vigil.analytics.config.ClickHouseSettings;
import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.OperationalEvent;
import io.vigil.ingest.api.OperationalEventsRecordedEvent;
import io.vigil.ingest.api.TransactionDecidedEvent;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionRecordedEvent;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Projects operational events, and every decided transaction as an authorization, into ClickHouse's
 * {@code operations} table, from which a materialized view keeps the per-minute rollups monitors read. Counting
 * exactly once rests on two facts: the rows one event store event carries are inserted in one block, tagged with
 * that event's id, and a replayed batch skips the ids already present (see {@link IdempotentTableWriter}).
 */
@Component
@ProcessingGroup(OperationsProjection.PROCESSING_GROUP)
class OperationsProjection {

    static final String PROCESSING_GROUP = "clickhouse-operations";
    static final String AUTHORIZATION = "authorization";
    private static final Logger log = LoggerFactory.getLogger(OperationsProjection.class);
    private static final String BATCH = OperationsProjection.class.getName() + ".batch";
    private static final int SMALL_BATCH = 2_000;
    /**
     * Fewer event store events than this in a batch means the processor is at the head of the stream: only then does
     * it pause. A batch of many small events (decided transactions) is a backlog being caught up, never paused.
     */
    private static final int FEW_EVENTS = 100;
    /** Rows per insert at most (plus one event's worth): bounds the memory a processor batch holds. */
    private static final int CHUNK_ROWS = 100_000;
    /** Transactions recorded but not yet decided in what this processor has seen; both events are adjacent. */
    private static final int PENDING_LIMIT = 10_000;

    private final ClickHouse clickHouse;
    private final IdempotentTableWriter operations;
    private final long pauseMillis;
    private final Map<String, TransactionDetails> pending = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TransactionDetails> eldest) {
            return size() > PENDING_LIMIT;
        }
    };

    OperationsProjection(ClickHouse clickHouse, ClickHouseSettings settings) {
        this.clickHouse = clickHouse;
        this.pauseMillis = settings.projectionPause().toMillis();
        this.operations = new IdempotentTableWriter(
                clickHouse,
                "operations",
                List.of(
                        "batch_id",
                        "recorded_at",
                        "event_id",
                        "event_time",
                        "source",
                        "merchant_id",
                        "operation",
                        "success",
                        "error_code",
                        "country",
                        "payment_method",
                        "channel",
                        "browser",
                        "device_type"),
                "batch_id",
                false);
    }

    @EventHandler
    void on(OperationalEventsRecordedEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        Batch batch = batch();
        batch.events++;
        if (batch.rows.size() >= CHUNK_ROWS) {
            // a processor batch of many large event batches goes to ClickHouse in chunks, each holding whole event
            // store events: a replay after a crash skips the chunks already written, by their events' ids
            ProjectionBatches.write(this::flush, batch);
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

    @EventHandler
    void on(TransactionRecordedEvent event) {
        batch().events++;
        synchronized (pending) {
            pending.put(event.transactionId(), event.transaction());
        }
    }

    @EventHandler
    void on(TransactionDecidedEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        TransactionDetails t;
        synchronized (pending) {
            t = pending.remove(event.transactionId());
        }
        if (t == null) {
            t = lookUp(event.transactionId(), recordedAt);
            if (t == null) {
                log.warn(
                        "Transaction {} has no recorded event before its decision; not counted", event.transactionId());
                return;
            }
        }
        Decision decision = event.decision().decision();
        batch().events++;
        batch().rows.add(new ProjectionRow(message.getIdentifier(), recordedAt, new Object[] {
            message.getIdentifier(),
            dateTime(recordedAt),
            t.transactionId(),
            dateTime(t.timestamp()),
            "decision",
            t.merchantId(),
            AUTHORIZATION,
            decision == Decision.APPROVE ? 1 : 0,
            decision == Decision.APPROVE ? "" : decision.wireName(),
            text(t.country()),
            text(t.paymentMethod()),
            text(t.channel()),
            text(t.browser()),
            text(t.deviceType())
        }));
    }

    /**
     * The dimensions of a transaction whose recorded event was handled in an earlier batch, before a restart: it is
     * in the transactions table by then, recorded in the same commit as its decision.
     */
    private TransactionDetails lookUp(String transactionId, Instant recordedAt) {
        long at = recordedAt.getEpochSecond();
        String sql =
                "SELECT toUnixTimestamp(event_time), merchant_id, country, payment_method, channel, browser, device_type FROM "
                        + clickHouse.table("transactions") + " WHERE recorded_at >= toDateTime(" + (at - 60)
                        + ") AND recorded_at <= toDateTime(" + (at + 60) + ") AND transaction_id = "
                        + ClickHouse.quote(transactionId) + " LIMIT 1";
        try {
            List<TransactionDetails> found = clickHouse.query(
                    sql,
                    rs -> new TransactionDetails(
                            transactionId,
                            Instant.ofEpochSecond(rs.getLong(1)),
                            null,
                            null,
                            rs.getString(2),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            blankToNull(rs.getString(3)),
                            blankToNull(rs.getString(4)),
                            blankToNull(rs.getString(5)),
                            blankToNull(rs.getString(6)),
                            blankToNull(rs.getString(7)),
                            null));
            return found.isEmpty() ? null : found.get(0);
        } catch (SQLException e) {
            throw new IllegalStateException("ClickHouse lookup failed; the batch will be retried", e);
        }
    }

    /**
     * The rows of the current processor batch. The pause after a small batch (see {@link ProjectionBatches}) applies
     * only at the head of the stream: a batch of many small events (decided transactions) is a backlog being caught
     * up, never paused.
     */
    private Batch batch() {
        return ProjectionBatches.current(
                BATCH,
                Batch::new,
                this::flush,
                batch -> batch.events < FEW_EVENTS && batch.rows.size() < SMALL_BATCH && !batch.chunked,
                pauseMillis);
    }

    private void flush(Batch batch) throws SQLException {
        int written = operations.write(batch.rows);
        log.debug("Projected {} operations to ClickHouse", written);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static final class Batch {
        final List<ProjectionRow> rows = new ArrayList<>();
        boolean chunked;
        int events;
    }
}
