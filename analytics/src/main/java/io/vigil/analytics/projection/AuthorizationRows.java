package io.vigil.analytics.projection;

import static io.vigil.analytics.projection.IdempotentTableWriter.dateTime;
import static io.vigil.analytics.projection.ProjectionBatches.text;

import io.vigil.analytics.store.ClickHouse;
import io.vigil.ingest.api.ApiRules;
import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.ModelScore;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDecidedEvent;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.scoring.api.ScoreThresholds;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every decided transaction counts in the rollups as an {@code authorization} operation: success when approved,
 * otherwise with the decision as its error code, under the transaction's dimensions. A transaction the live risk model
 * scored also counts as a {@code model} operation, and one the shadow model scored as a {@code model_shadow} operation:
 * success when the model's score alone would approve it, otherwise {@code review} or {@code decline} as its error code,
 * so that monitors watch each model's decision mix (a conversion monitor) and how much traffic it scores (a count
 * monitor) per merchant, country or any other dimension, like any other series. The decision event does not
 * carry those, so the recorded event (appended just before it, in the same commit) is held until its decision comes.
 */
final class AuthorizationRows {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationRows.class);

    static final String AUTHORIZATION = "authorization";
    static final String MODEL = "model";
    static final String MODEL_SHADOW = "model_shadow";
    /** The columns of the {@code operations} table, in the order of the rows made here. */
    static final List<String> OPERATIONS_COLUMNS = List.of(
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
            "device_type");
    /**
     * How old a transaction's time may be, relative to when it was recorded, for its authorization row: the default
     * window of operational events ({@link ApiRules#EVENT_MAX_AGE}, a week and a day; monitors and backtests look back
     * at most a week). The rollups are partitioned by event-time month, and a ClickHouse insert may touch only so many
     * partitions ({@code max_partitions_per_insert_block}, 100): transactions are accepted back to 2000, and a batch
     * of authorizations spread over years would fail forever. Older transactions are still projected into
     * {@code transactions}; they add no authorization to the rollups.
     */
    static final Duration MONITORED_AGE = ApiRules.EVENT_MAX_AGE;

    /** Transactions recorded but not yet decided in what the projection has seen; both events are adjacent. */
    private static final int PENDING_LIMIT = 10_000;

    private final ClickHouse clickHouse;
    private final Supplier<ScoreThresholds> thresholds;
    private final Map<String, TransactionDetails> pending = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TransactionDetails> eldest) {
            return size() > PENDING_LIMIT;
        }
    };

    AuthorizationRows(ClickHouse clickHouse, Supplier<ScoreThresholds> thresholds) {
        this.clickHouse = clickHouse;
        this.thresholds = thresholds;
    }

    void recorded(TransactionRecordedEvent event) {
        synchronized (pending) {
            pending.put(event.transactionId(), event.transaction());
        }
    }

    /**
     * The rows of a decided transaction, keyed by the decision event's id: its authorization and, when a model scored
     * it, the model's. Empty (and logged) when its recorded event cannot be found, and empty when the transaction's
     * time is more than {@link #MONITORED_AGE} before it was recorded.
     */
    List<ProjectionRow> decided(TransactionDecidedEvent event, String eventId, Instant recordedAt) {
        TransactionDetails t;
        synchronized (pending) {
            t = pending.remove(event.transactionId());
        }
        if (t == null) {
            t = lookUp(event.transactionId(), recordedAt);
            if (t == null) {
                log.warn(
                        "Transaction {} has no recorded event before its decision; not counted in the rollups",
                        event.transactionId());
                return List.of();
            }
        }
        if (t.timestamp().isBefore(recordedAt.minus(MONITORED_AGE))) {
            return List.of();
        }
        RiskDecision d = event.decision();
        Decision decision = d.decision();
        List<ProjectionRow> rows = new ArrayList<>(3);
        rows.add(row(eventId, recordedAt, t, AUTHORIZATION, decision.wireName()));
        if (d.model() != null) {
            rows.add(row(eventId + "/" + MODEL, recordedAt, t, MODEL, modelDecision(d.model())));
        }
        if (d.shadowModel() != null) {
            rows.add(row(eventId + "/" + MODEL_SHADOW, recordedAt, t, MODEL_SHADOW, modelDecision(d.shadowModel())));
        }
        return rows;
    }

    private String modelDecision(ModelScore model) {
        return thresholds.get().decisionOf(model.score());
    }

    /** One operation: success when {@code outcome} is approve, otherwise with the outcome as its error code. */
    private static ProjectionRow row(
            String batchId, Instant recordedAt, TransactionDetails t, String operation, String outcome) {
        boolean approved = outcome.equals(Decision.APPROVE.wireName());
        return new ProjectionRow(batchId, recordedAt, new Object[] {
            batchId,
            dateTime(recordedAt),
            t.transactionId(),
            dateTime(t.timestamp()),
            "decision",
            t.merchantId(),
            operation,
            approved ? 1 : 0,
            approved ? "" : outcome,
            text(t.country()),
            text(t.paymentMethod()),
            text(t.channel()),
            text(t.browser()),
            text(t.deviceType())
        });
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

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
