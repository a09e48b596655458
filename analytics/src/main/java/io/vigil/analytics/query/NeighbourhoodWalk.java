package io.vigil.analytics.query;

import io.vigil.analytics.api.LinkedEntities;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks two hops out from a transaction over a {@link Source} of transactions, with the bounds of
 * {@link LinkedEntities}: each entity expanded gives its {@value LinkedEntities#TRANSACTIONS_PER_ENTITY} most recent
 * transactions of the window, and each hop keeps at most {@value LinkedEntities#ENTITIES_PER_HOP} new entities, those of
 * the most recent transactions first. At most 1 + 2 × {@value LinkedEntities#ENTITIES_PER_HOP} entities are counted, and
 * the source is asked four times: the transaction, each hop's transactions, and the counts.
 */
final class NeighbourhoodWalk {

    /** An entity: a kind ({@code customer, card, device, email, ip}) and a value. */
    record Node(String kind, String value) {

        String id() {
            return kind + ":" + value;
        }
    }

    /** A transaction read, with its entities. */
    record Tx(String id, Instant time, List<Node> nodes) {}

    /** What an entity's transactions of the window add up to. */
    record Counts(long transactions, long fraud, Instant lastSeen) {}

    /** Where the transactions come from: ClickHouse's search tables online, a list in tests. */
    interface Source {

        /** The transaction, or null when it is unknown. */
        Tx transaction(String transactionId) throws Exception;

        /** The {@code perEntity} most recent transactions of each entity in {@code [from, to]}. */
        List<Tx> transactions(Collection<Node> entities, Instant from, Instant to, int perEntity) throws Exception;

        /** The counts of each entity's transactions in {@code [from, to]}; an entity with none may be left out. */
        Map<Node, Counts> counts(Collection<Node> entities, Instant from, Instant to) throws Exception;
    }

    private final Source source;

    NeighbourhoodWalk(Source source) {
        this.source = source;
    }

    LinkedEntities walk(String transactionId) throws Exception {
        Tx start = source.transaction(transactionId);
        if (start == null) {
            return LinkedEntities.none(transactionId);
        }
        Instant to = start.time();
        Instant from = to.minus(Duration.ofDays(LinkedEntities.WINDOW_DAYS));
        Map<Node, Integer> hops = new LinkedHashMap<>();
        start.nodes().forEach(n -> hops.putIfAbsent(n, 0));
        Map<Set<Node>, int[]> links = new LinkedHashMap<>();
        Set<String> linked = new HashSet<>();
        boolean truncated = false;
        Set<Node> frontier = new LinkedHashSet<>(hops.keySet());
        for (int hop = 1; hop <= 2 && !frontier.isEmpty(); hop++) {
            List<Tx> read =
                    new ArrayList<>(source.transactions(frontier, from, to, LinkedEntities.TRANSACTIONS_PER_ENTITY));
            read.sort(Comparator.comparing(Tx::time).reversed().thenComparing(Tx::id));
            Map<Node, Integer> perEntity = new HashMap<>();
            Set<Node> next = new LinkedHashSet<>();
            for (Tx tx : read) {
                boolean touches = false;
                for (Node n : tx.nodes()) {
                    if (frontier.contains(n)) {
                        touches = true;
                        perEntity.merge(n, 1, Integer::sum);
                    }
                }
                if (!touches) {
                    continue;
                }
                for (Node n : tx.nodes()) {
                    if (!hops.containsKey(n) && !next.contains(n)) {
                        if (next.size() < LinkedEntities.ENTITIES_PER_HOP) {
                            next.add(n);
                        } else {
                            truncated = true;
                        }
                    }
                }
            }
            truncated |= perEntity.values().stream().anyMatch(c -> c >= LinkedEntities.TRANSACTIONS_PER_ENTITY);
            for (Node n : next) {
                hops.put(n, hop);
            }
            for (Tx tx : read) {
                if (linked.add(tx.id())) {
                    link(tx, hops, links);
                }
            }
            frontier = next;
        }
        Map<Node, Counts> counts = source.counts(hops.keySet(), from, to);
        List<LinkedEntities.Entity> entities = new ArrayList<>();
        int fraudEntities = 0;
        for (Map.Entry<Node, Integer> e : hops.entrySet()) {
            Counts c = counts.getOrDefault(e.getKey(), new Counts(0, 0, null));
            entities.add(new LinkedEntities.Entity(
                    e.getKey().kind(), e.getKey().value(), e.getValue(), c.transactions(), c.fraud(), c.lastSeen()));
            if (e.getValue() > 0 && c.fraud() > 0) {
                fraudEntities++;
            }
        }
        List<LinkedEntities.Link> edges = new ArrayList<>();
        links.forEach((pair, n) -> {
            List<Node> ends = new ArrayList<>(pair);
            edges.add(new LinkedEntities.Link(ends.get(0).id(), ends.get(1).id(), n[0]));
        });
        return new LinkedEntities(transactionId, from, to, entities, edges, fraudEntities, truncated);
    }

    /** Counts the transaction once for every two of its entities that the walk keeps. */
    private static void link(Tx tx, Map<Node, Integer> kept, Map<Set<Node>, int[]> links) {
        List<Node> nodes =
                tx.nodes().stream().filter(kept::containsKey).distinct().toList();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                Set<Node> pair = new LinkedHashSet<>(List.of(nodes.get(i), nodes.get(j)));
                links.computeIfAbsent(pair, p -> new int[1])[0]++;
            }
        }
    }
}
