package io.vigil.analytics.query;

import io.vigil.analytics.api.FindLatestTransactionsQuery;
import io.vigil.analytics.api.LatestTransactions;
import io.vigil.analytics.api.TransactionSummary;
import io.vigil.analytics.store.ClickHouse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Reads the newest transactions of the last day, with their decisions, from ClickHouse. */
@Component
class LatestTransactionsQueryHandler {

    private final ClickHouse clickHouse;

    LatestTransactionsQueryHandler(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    @QueryHandler
    LatestTransactions handle(FindLatestTransactionsQuery query) throws SQLException {
        // Bounded to the last day so the read stays small however large the table grows.
        String latest = "SELECT transaction_id, toUInt32(event_time), toUInt32(recorded_at), merchant_id, amount,"
                + " currency, country, payment_method, channel FROM " + clickHouse.table("transactions")
                + " WHERE recorded_at >= now() - 86400 ORDER BY recorded_at DESC, transaction_id DESC LIMIT "
                + query.limit();
        Map<String, TransactionSummary> rows = new LinkedHashMap<>();
        for (TransactionSummary row : clickHouse.query(latest, LatestTransactionsQueryHandler::summary)) {
            rows.putIfAbsent(row.transactionId(), row);
        }
        if (rows.isEmpty()) {
            return new LatestTransactions(List.of());
        }
        long from = rows.values().stream()
                .mapToLong(r -> r.recordedAt().getEpochSecond())
                .min()
                .orElseThrow();
        String ids = rows.keySet().stream().map(ClickHouse::quote).collect(Collectors.joining(","));
        String decided =
                "SELECT transaction_id, decision, score, fallback, pattern_ids FROM " + clickHouse.table("decisions")
                        + " WHERE recorded_at >= toDateTime(" + (from - 60) + ") AND transaction_id IN (" + ids + ")";
        Map<String, Decided> decisions = new HashMap<>();
        for (Decided d : clickHouse.query(
                decided,
                rs -> new Decided(
                        rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getInt(4) == 1, ids(rs.getString(5))))) {
            decisions.put(d.transactionId(), d);
        }
        return new LatestTransactions(rows.values().stream()
                .map(r -> decisions.containsKey(r.transactionId())
                        ? decisions.get(r.transactionId()).onto(r)
                        : r)
                .toList());
    }

    private static List<String> ids(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private record Decided(
            String transactionId, String decision, double score, boolean fallback, List<String> patternIds) {

        TransactionSummary onto(TransactionSummary r) {
            return new TransactionSummary(
                    r.transactionId(),
                    r.eventTime(),
                    r.recordedAt(),
                    r.merchantId(),
                    r.amount(),
                    r.currency(),
                    r.country(),
                    r.paymentMethod(),
                    r.channel(),
                    decision,
                    score,
                    fallback,
                    patternIds);
        }
    }

    private static TransactionSummary summary(ResultSet rs) throws SQLException {
        return new TransactionSummary(
                rs.getString(1),
                Instant.ofEpochSecond(rs.getLong(2)),
                Instant.ofEpochSecond(rs.getLong(3)),
                rs.getString(4),
                rs.getDouble(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                null,
                null,
                null,
                List.of());
    }
}
