package io.vigil.analytics.projection;

import static io.vigil.analytics.projection.IdempotentTableWriter.dateTime;
import static io.vigil.analytics.projection.ProjectionBatches.text;

import io.vigil.analytics.api.search.TransactionSearch;
import io.vigil.analytics.config.ClickHouseSettings;
import io.vigil.analytics.store.ClickHouse;
import io.vigil.ingest.api.DecisionReason;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDecidedEvent;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.ingest.api.TransactionReviewedEvent;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Projects every decided transaction into ClickHouse's search tables ({@code transaction_search}, its lookup table
 * {@code transaction_search_keys}, and {@code transaction_labels}; see {@link TransactionSearch}). A processing group
 * of its own, so that on its first start its tracking processor begins at the first event and fills the tables with
 * the whole history, and so that resetting its token alone rebuilds search.
 *
 * <p>Batched as {@link TransactionProjection}: the handlers only collect rows, which are written in one insert per
 * table just before the token commit. A transaction is recorded and decided in one commit, so its two events are
 * nearly always in one batch; when a batch boundary falls between them, the decision's batch reads the recorded event
 * from the event store (by aggregate, one indexed read). A label is written with its transaction's key, taken from
 * the batch or read the same way. Batches that may be processed again skip the rows already in the search table,
 * found by their primary key; the lookup rows of a transaction are written before its search row, so a search row
 * present means its lookup rows are too.
 */
@Component
@ProcessingGroup(SearchProjection.PROCESSING_GROUP)
class SearchProjection {

    static final String PROCESSING_GROUP = "clickhouse-search";
    private static final Logger log = LoggerFactory.getLogger(SearchProjection.class);
    private static final String BATCH = SearchProjection.class.getName() + ".batch";
    private static final int SMALL_BATCH = 2_000;
    /** Keys per duplicate lookup: keeps each SELECT far below ClickHouse's 256 KiB query size. */
    private static final int LOOKUP_CHUNK = 2_000;

    static final List<String> SEARCH_COLUMNS = List.of(
            "transaction_id",
            "id_hash",
            "recorded_at",
            "event_time",
            "merchant_id",
            "amount",
            "currency",
            "customer_id",
            "card_fingerprint",
            "device_id",
            "email",
            "ip",
            "country",
            "payment_method",
            "channel",
            "decision",
            "score",
            "fallback",
            "pattern_ids");
    static final List<String> KEY_COLUMNS =
            List.of("kind", "value", "event_time", "id_hash", "recorded_at", "score", "amount");

    private final ClickHouse clickHouse;
    private final EventStore eventStore;
    private final String search;
    private final String keys;
    private final IdempotentTableWriter labels;
    private final ProjectionBatches<Batch> batches;

    SearchProjection(ClickHouse clickHouse, ClickHouseSettings settings, EventStore eventStore) {
        this.clickHouse = clickHouse;
        this.eventStore = eventStore;
        this.search = clickHouse.table("transaction_search");
        this.keys = clickHouse.table("transaction_search_keys");
        this.labels = new IdempotentTableWriter(
                clickHouse,
                "transaction_labels",
                List.of(
                        "transaction_id",
                        "id_hash",
                        "event_time",
                        "recorded_at",
                        "event_id",
                        "label",
                        "rank",
                        "reported_ms"),
                "event_id",
                true);
        this.batches = new ProjectionBatches<>(
                BATCH,
                verify -> new Batch(),
                this::flush,
                batch -> batch.decided.size() + batch.labels.size() < SMALL_BATCH,
                settings.transactionProjectionPause().toMillis());
    }

    @EventHandler
    void on(TransactionRecordedEvent event) {
        batches.current().recorded.put(event.transactionId(), event.transaction());
    }

    @EventHandler
    void on(TransactionDecidedEvent event, @Timestamp Instant recordedAt) {
        batches.current().decided.add(new Decided(event.transactionId(), event.decision(), recordedAt));
    }

    @EventHandler
    void on(TransactionOutcomeReportedEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        batches.current()
                .labels
                .add(new Label(
                        event.transactionId(),
                        message.getIdentifier(),
                        event.outcome().wireName(),
                        1,
                        recordedAt));
    }

    @EventHandler
    void on(TransactionReviewedEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        if (event.label() != null) {
            batches.current()
                    .labels
                    .add(new Label(
                            event.transactionId(),
                            message.getIdentifier(),
                            event.label().wireName(),
                            0,
                            recordedAt));
        }
    }

    @ResetHandler
    void onReset() {
        batches.reset();
    }

    private void flush(Batch batch, boolean verify) throws SQLException {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        Map<String, Instant> eventTimes = new HashMap<>();
        for (Decided d : batch.decided) {
            TransactionDetails t = batch.recorded.get(d.transactionId());
            if (t == null) {
                t = recorded(d.transactionId()).orElse(null);
            }
            if (t == null) {
                log.warn(
                        "Transaction {} was decided but its recorded event is not in the event store; not searchable",
                        d.transactionId());
                continue;
            }
            eventTimes.put(t.transactionId(), t.timestamp());
            rows.putIfAbsent(t.transactionId(), row(t, d));
        }
        List<Object[]> fresh = verify ? absent(rows.values()) : List.copyOf(rows.values());
        List<Object[]> lookups = new ArrayList<>();
        for (Object[] row : fresh) {
            lookups.addAll(lookups(row));
        }
        clickHouse.insert(keys, KEY_COLUMNS, lookups);
        clickHouse.insert(search, SEARCH_COLUMNS, fresh);
        List<ProjectionRow> labelRows = new ArrayList<>();
        for (Label label : batch.labels) {
            Instant eventTime = eventTimes.get(label.transactionId());
            if (eventTime == null) {
                eventTime = recorded(label.transactionId())
                        .map(TransactionDetails::timestamp)
                        .orElse(null);
                if (eventTime == null) {
                    log.warn("Label of unknown transaction {} not searchable", label.transactionId());
                    continue;
                }
                eventTimes.put(label.transactionId(), eventTime);
            }
            labelRows.add(new ProjectionRow(label.eventId(), label.recordedAt(), new Object[] {
                label.transactionId(),
                TransactionSearch.idHash(label.transactionId()),
                dateTime(eventTime),
                dateTime(label.recordedAt()),
                label.eventId(),
                label.label(),
                label.rank(),
                label.recordedAt().toEpochMilli()
            }));
        }
        labels.write(labelRows, verify);
        log.debug("Projected {} transactions and {} labels for search", fresh.size(), labelRows.size());
    }

    private static Object[] row(TransactionDetails t, Decided d) {
        RiskDecision decision = d.decision();
        return new Object[] {
            t.transactionId(),
            TransactionSearch.idHash(t.transactionId()),
            dateTime(d.recordedAt()),
            dateTime(t.timestamp()),
            t.merchantId(),
            t.amount().doubleValue(),
            t.currency(),
            text(t.customerId()),
            text(t.cardFingerprint()),
            text(t.deviceId()),
            text(t.email()),
            text(t.ip()),
            text(t.country()),
            text(t.paymentMethod()),
            text(t.channel()),
            decision.decision().wireName(),
            decision.score(),
            decision.fallback() ? 1 : 0,
            decision.reasons().stream().map(DecisionReason::patternId).toList()
        };
    }

    /** The lookup rows of a search row: one per searchable value it has. */
    private static List<Object[]> lookups(Object[] row) {
        List<Object[]> lookups = new ArrayList<>();
        String[][] values = {
            {"id", (String) row[0]},
            {"customer", (String) row[7]},
            {"card", (String) row[8]},
            {"device", (String) row[9]},
            {"email", (String) row[10]},
            {"ip", (String) row[11]}
        };
        for (String[] value : values) {
            if (!value[1].isEmpty()) {
                lookups.add(new Object[] {value[0], value[1], row[3], row[1], row[2], row[16], row[5]});
            }
        }
        for (Object patternId : (List<?>) row[18]) {
            lookups.add(new Object[] {"pattern", patternId, row[3], row[1], row[2], row[16], row[5]});
        }
        return lookups;
    }

    /** The rows whose transaction is not in the search table yet, looked up by primary key. */
    private List<Object[]> absent(Iterable<Object[]> rows) throws SQLException {
        List<Object[]> all = new ArrayList<>();
        rows.forEach(all::add);
        Set<String> present = new HashSet<>();
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            List<Object[]> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
            String tuples = chunk.stream()
                    .map(r -> "(toDateTime('" + r[3] + "', 'UTC'), " + r[1] + ")")
                    .collect(Collectors.joining(", "));
            present.addAll(clickHouse.query(
                    "SELECT DISTINCT transaction_id FROM " + search + " WHERE (event_time, id_hash) IN (" + tuples
                            + ")",
                    rs -> rs.getString(1)));
        }
        return all.stream().filter(r -> !present.contains((String) r[0])).toList();
    }

    /** The recorded transaction, read from the event store when its event was not in this batch. */
    private Optional<TransactionDetails> recorded(String transactionId) {
        return eventStore
                .readEvents(transactionId)
                .asStream()
                .map(EventMessage::getPayload)
                .filter(TransactionRecordedEvent.class::isInstance)
                .map(p -> ((TransactionRecordedEvent) p).transaction())
                .findFirst();
    }

    private record Decided(String transactionId, RiskDecision decision, Instant recordedAt) {}

    private record Label(String transactionId, String eventId, String label, int rank, Instant recordedAt) {}

    private static final class Batch {
        final Map<String, TransactionDetails> recorded = new HashMap<>();
        final List<Decided> decided = new ArrayList<>();
        final List<Label> labels = new ArrayList<>();
    }
}
