package io.vigil.analytics.query;

import io.vigil.analytics.api.FindLinkedEntitiesQuery;
import io.vigil.analytics.api.LinkedEntities;
import io.vigil.analytics.api.search.TransactionSearch;
import io.vigil.analytics.store.ClickHouse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindLinkedEntitiesQuery} from ClickHouse's search tables (projection {@code clickhouse-search}): the
 * lookup table {@code transaction_search_keys} finds each entity's most recent transactions ({@code LIMIT n BY}), the
 * search table gives their other entities, and {@code transaction_labels} which were labelled fraud. The walk and its
 * bounds are {@link NeighbourhoodWalk}'s.
 */
@Component
class LinkedEntitiesQueryHandler {

    private static final List<String> COLUMNS = List.of("customer_id", "card_fingerprint", "device_id", "email", "ip");
    private static final List<String> KINDS = List.of("customer", "card", "device", "email", "ip");

    private final ClickHouse clickHouse;
    private final String search;
    private final String keys;
    private final String labels;

    LinkedEntitiesQueryHandler(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
        this.search = clickHouse.table("transaction_search");
        this.keys = clickHouse.table("transaction_search_keys");
        this.labels = clickHouse.table("transaction_labels");
    }

    @QueryHandler
    LinkedEntities handle(FindLinkedEntitiesQuery query) throws Exception {
        return new NeighbourhoodWalk(new Tables()).walk(query.transactionId());
    }

    private final class Tables implements NeighbourhoodWalk.Source {

        @Override
        public NeighbourhoodWalk.Tx transaction(String transactionId) throws Exception {
            String id = TransactionSearch.quote(transactionId);
            List<NeighbourhoodWalk.Tx> found = txs("(event_time, id_hash) IN (SELECT event_time, id_hash FROM " + keys
                    + " WHERE kind = 'id' AND value = " + id + ") AND transaction_id = " + id);
            return found.isEmpty() ? null : found.get(0);
        }

        @Override
        public List<NeighbourhoodWalk.Tx> transactions(
                Collection<NeighbourhoodWalk.Node> entities, Instant from, Instant to, int perEntity) throws Exception {
            List<String> tuples = rows("SELECT toUInt32(event_time), id_hash FROM " + keys + " WHERE "
                            + entities(entities) + " AND " + window(from, to)
                            + " ORDER BY kind, value, event_time DESC, id_hash DESC LIMIT " + perEntity
                            + " BY kind, value")
                    .stream()
                    .map(r -> "(" + r[0] + ", " + r[1] + ")")
                    .distinct()
                    .toList();
            if (tuples.isEmpty()) {
                return List.of();
            }
            Map<String, NeighbourhoodWalk.Tx> once = new LinkedHashMap<>();
            for (NeighbourhoodWalk.Tx tx : txs("(event_time, id_hash) IN (" + String.join(", ", tuples) + ")")) {
                once.putIfAbsent(tx.id(), tx);
            }
            return List.copyOf(once.values());
        }

        @Override
        public Map<NeighbourhoodWalk.Node, NeighbourhoodWalk.Counts> counts(
                Collection<NeighbourhoodWalk.Node> entities, Instant from, Instant to) throws Exception {
            String where = entities(entities) + " AND " + window(from, to);
            Map<NeighbourhoodWalk.Node, Long> fraud = new HashMap<>();
            for (String[] r : rows("SELECT toString(kind), value, uniqExact(id_hash) FROM " + keys + " WHERE " + where
                    + " AND (event_time, id_hash) IN (SELECT event_time, id_hash FROM " + labels + " WHERE "
                    + window(from, to) + " GROUP BY event_time, id_hash"
                    + " HAVING argMax(label, (rank, reported_ms)) IN ('confirmed_fraud', 'chargeback'))"
                    + " GROUP BY kind, value")) {
                fraud.put(new NeighbourhoodWalk.Node(r[0], r[1]), Long.parseLong(r[2]));
            }
            Map<NeighbourhoodWalk.Node, NeighbourhoodWalk.Counts> counts = new HashMap<>();
            for (String[] r : rows("SELECT toString(kind), value, uniqExact(id_hash), toUInt32(max(event_time)) FROM "
                    + keys + " WHERE " + where + " GROUP BY kind, value")) {
                NeighbourhoodWalk.Node node = new NeighbourhoodWalk.Node(r[0], r[1]);
                counts.put(
                        node,
                        new NeighbourhoodWalk.Counts(
                                Long.parseLong(r[2]),
                                fraud.getOrDefault(node, 0L),
                                Instant.ofEpochSecond(Long.parseLong(r[3]))));
            }
            return counts;
        }

        private List<NeighbourhoodWalk.Tx> txs(String where) throws Exception {
            List<NeighbourhoodWalk.Tx> txs = new ArrayList<>();
            for (String[] r : rows("SELECT transaction_id, toUInt32(event_time), " + String.join(", ", COLUMNS)
                    + " FROM " + search + " WHERE " + where)) {
                List<NeighbourhoodWalk.Node> nodes = new ArrayList<>();
                for (int i = 0; i < KINDS.size(); i++) {
                    String value = r[2 + i];
                    if (value != null && !value.isEmpty()) {
                        nodes.add(new NeighbourhoodWalk.Node(KINDS.get(i), value));
                    }
                }
                txs.add(new NeighbourhoodWalk.Tx(r[0], Instant.ofEpochSecond(Long.parseLong(r[1])), nodes));
            }
            return txs;
        }
    }

    /** One condition per kind, so that each reads the lookup table through its sorting key. */
    private static String entities(Collection<NeighbourhoodWalk.Node> entities) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (NeighbourhoodWalk.Node n : entities) {
            byKind.computeIfAbsent(n.kind(), k -> new ArrayList<>()).add(TransactionSearch.quote(n.value()));
        }
        return byKind.entrySet().stream()
                .map(e -> "(kind = '" + e.getKey() + "' AND value IN (" + String.join(", ", e.getValue()) + "))")
                .collect(Collectors.joining(" OR ", "(", ")"));
    }

    private static String window(Instant from, Instant to) {
        return "event_time >= toDateTime(" + from.getEpochSecond() + ") AND event_time <= toDateTime("
                + to.getEpochSecond() + ")";
    }

    private List<String[]> rows(String sql) throws Exception {
        return clickHouse.textRows(sql);
    }
}
