package io.vigil.analytics.projection;

import static io.vigil.analytics.projection.IdempotentTableWriter.dateTime;
import static io.vigil.analytics.projection.ProjectionBatches.text;

import io.vigil.analytics.config.ClickHouseSettings;
import io.vigil.analytics.store.ClickHouse;
import io.vigil.ingest.api.DecisionReason;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDecidedEvent;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.scoring.api.FindScoreThresholdsQuery;
import io.vigil.scoring.api.ScoreThresholds;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Projects transactions and decisions into ClickHouse, and each decision as an authorization into the operations
 * that feed the monitors' rollups (see {@link AuthorizationRows}). Runs in a tracking processor whose token is stored in
 * PostgreSQL: the rows of one processor batch are written in one insert per table just before the token commit, so a
 * failed insert rolls the token back and the batch is retried, and a replayed batch finds its rows already there.
 */
@Component
@ProcessingGroup(TransactionProjection.PROCESSING_GROUP)
class TransactionProjection {

    static final String PROCESSING_GROUP = "clickhouse-transactions";
    private static final Logger log = LoggerFactory.getLogger(TransactionProjection.class);
    private static final String BATCH = TransactionProjection.class.getName() + ".batch";

    /**
     * A batch of fewer events than this is at the head of the stream and is followed by a pause, so that the next
     * one carries more rows; a larger batch is a backlog being caught up, and the next follows at once.
     */
    private static final int SMALL_BATCH = 2_000;

    private final IdempotentTableWriter transactions;
    private final IdempotentTableWriter decisions;
    private final IdempotentTableWriter operations;
    private final LateRollups late;
    private final IdempotentTableWriter patternHits;
    private final IdempotentTableWriter outcomes;
    private final AuthorizationRows authorizations;
    private final ProjectionBatches<Batch> batches;

    TransactionProjection(ClickHouse clickHouse, ClickHouseSettings settings, QueryGateway queries, LateRollups late) {
        this.late = late;
        this.batches = new ProjectionBatches<>(
                BATCH,
                verify -> new Batch(),
                this::flush,
                batch -> batch.transactions.size() + batch.decisions.size() < SMALL_BATCH,
                settings.transactionProjectionPause().toMillis());
        this.authorizations = new AuthorizationRows(clickHouse, thresholdsFrom(queries));
        this.operations = new IdempotentTableWriter(
                clickHouse, "operations", AuthorizationRows.OPERATIONS_COLUMNS, "batch_id", true);
        this.transactions = new IdempotentTableWriter(
                clickHouse,
                "transactions",
                List.of(
                        "transaction_id",
                        "recorded_at",
                        "event_time",
                        "merchant_id",
                        "amount",
                        "currency",
                        "customer_id",
                        "card_bin",
                        "country",
                        "payment_method",
                        "channel",
                        "browser",
                        "device_type"));
        this.decisions = new IdempotentTableWriter(
                clickHouse,
                "decisions",
                List.of(
                        "transaction_id",
                        "recorded_at",
                        "decided_at",
                        "decision",
                        "score",
                        "fallback",
                        "pattern_set_version",
                        "pattern_ids"));
        // a decision's hits are inserted in one block, so they are present all or none
        this.patternHits = new IdempotentTableWriter(
                clickHouse,
                "pattern_hits",
                List.of("transaction_id", "recorded_at", "pattern_id", "shadow"),
                "transaction_id",
                false);
        this.outcomes =
                new IdempotentTableWriter(clickHouse, "outcomes", List.of("transaction_id", "recorded_at", "outcome"));
    }

    @EventHandler
    void on(TransactionRecordedEvent event, @Timestamp Instant recordedAt) {
        authorizations.recorded(event);
        TransactionDetails t = event.transaction();
        batch().transactions.add(new ProjectionRow(t.transactionId(), recordedAt, new Object[] {
            t.transactionId(),
            dateTime(recordedAt),
            dateTime(t.timestamp()),
            t.merchantId(),
            t.amount().doubleValue(),
            t.currency(),
            text(t.customerId()),
            text(t.cardBin()),
            text(t.country()),
            text(t.paymentMethod()),
            text(t.channel()),
            text(t.browser()),
            text(t.deviceType())
        }));
    }

    @EventHandler
    void on(TransactionDecidedEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        Batch batch = batch();
        batch.operations.addAll(authorizations.decided(event, message.getIdentifier(), recordedAt));
        RiskDecision d = event.decision();
        batch.decisions.add(new ProjectionRow(event.transactionId(), recordedAt, new Object[] {
            event.transactionId(),
            dateTime(recordedAt),
            dateTime(d.decidedAt()),
            d.decision().wireName(),
            d.score(),
            d.fallback() ? 1 : 0,
            d.patternSetVersion(),
            d.reasons().stream().map(DecisionReason::patternId).collect(Collectors.joining(","))
        }));
        for (DecisionReason reason : d.reasons()) {
            batch.patternHits.add(hit(event.transactionId(), recordedAt, reason, false));
        }
        for (DecisionReason reason : d.shadowHits()) {
            batch.patternHits.add(hit(event.transactionId(), recordedAt, reason, true));
        }
    }

    /** Scoring's thresholds, asked once, when the first model score is projected (scoring answers from its settings). */
    private static Supplier<ScoreThresholds> thresholdsFrom(QueryGateway queries) {
        AtomicReference<ScoreThresholds> known = new AtomicReference<>();
        return () -> known.updateAndGet(t -> t != null
                ? t
                : queries.query(new FindScoreThresholdsQuery(), ScoreThresholds.class)
                        .join());
    }

    private static ProjectionRow hit(String transactionId, Instant recordedAt, DecisionReason reason, boolean shadow) {
        return new ProjectionRow(transactionId, recordedAt, new Object[] {
            transactionId, dateTime(recordedAt), reason.patternId(), shadow ? 1 : 0
        });
    }

    @EventHandler
    void on(TransactionOutcomeReportedEvent event, @Timestamp Instant recordedAt) {
        batch().outcomes.add(new ProjectionRow(event.transactionId(), recordedAt, new Object[] {
            event.transactionId(), dateTime(recordedAt), event.outcome().wireName()
        }));
    }

    /** The rows of the current processor batch, flushed once before the batch's token is committed. */
    private Batch batch() {
        return batches.current();
    }

    @ResetHandler
    void onReset() {
        batches.reset();
    }

    private void flush(Batch batch, boolean verify) throws SQLException {
        int t = transactions.write(batch.transactions, verify);
        int d = decisions.write(batch.decisions, verify);
        operations.write(batch.operations, verify);
        late.written(batch.operations);
        patternHits.write(batch.patternHits, verify);
        outcomes.write(batch.outcomes, verify);
        log.debug("Projected {} transactions and {} decisions to ClickHouse", t, d);
    }

    private static final class Batch {
        final List<ProjectionRow> transactions = new ArrayList<>();
        final List<ProjectionRow> decisions = new ArrayList<>();
        final List<ProjectionRow> operations = new ArrayList<>();
        final List<ProjectionRow> patternHits = new ArrayList<>();
        final List<ProjectionRow> outcomes = new ArrayList<>();
    }
}
