package io.vigil.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.api.LinkedEntities;
import io.vigil.analytics.query.NeighbourhoodWalk.Counts;
import io.vigil.analytics.query.NeighbourhoodWalk.Node;
import io.vigil.analytics.query.NeighbourhoodWalk.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The two-hop walk over a list of transactions: who is reached, what is counted, and the bounds. */
class NeighbourhoodWalkTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final List<Tx> stored = new ArrayList<>();
    private final Set<String> fraud = new HashSet<>();
    private int reads;

    /** The lists as ClickHouse's tables would answer them. */
    private final NeighbourhoodWalk.Source source = new NeighbourhoodWalk.Source() {
        @Override
        public Tx transaction(String id) {
            return stored.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
        }

        @Override
        public List<Tx> transactions(Collection<Node> entities, Instant from, Instant to, int perEntity) {
            reads++;
            Set<Tx> found = new HashSet<>();
            for (Node n : entities) {
                stored.stream()
                        .filter(t -> t.nodes().contains(n)
                                && !t.time().isBefore(from)
                                && !t.time().isAfter(to))
                        .sorted(Comparator.comparing(Tx::time).reversed())
                        .limit(perEntity)
                        .forEach(found::add);
            }
            return List.copyOf(found);
        }

        @Override
        public Map<Node, Counts> counts(Collection<Node> entities, Instant from, Instant to) {
            Map<Node, Counts> counts = new HashMap<>();
            for (Node n : entities) {
                List<Tx> of = stored.stream()
                        .filter(t -> t.nodes().contains(n)
                                && !t.time().isBefore(from)
                                && !t.time().isAfter(to))
                        .toList();
                if (!of.isEmpty()) {
                    counts.put(
                            n,
                            new Counts(
                                    of.size(),
                                    of.stream()
                                            .filter(t -> fraud.contains(t.id()))
                                            .count(),
                                    of.stream()
                                            .map(Tx::time)
                                            .max(Comparator.naturalOrder())
                                            .orElseThrow()));
                }
            }
            return counts;
        }
    };

    private void tx(String id, Instant at, String card, String device, String customer) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node("card", card));
        nodes.add(new Node("device", device));
        if (customer != null) {
            nodes.add(new Node("customer", customer));
        }
        stored.add(new Tx(id, at, nodes));
    }

    @Test
    void twoHopsFromAFreshCardOnAFarmDeviceReachTheRingAndItsFraud() throws Exception {
        // a ring: cards k0..k3 on devices d0 and d1; k0 and k1 were labelled fraud; the new card kN on d0
        for (int c = 0; c < 4; c++) {
            tx("r0-" + c, NOW.minus(Duration.ofDays(10 - c)), "k" + c, "d0", null);
            tx("r1-" + c, NOW.minus(Duration.ofDays(5 - c)), "k" + c, "d1", null);
        }
        fraud.add("r0-0");
        fraud.add("r1-1");
        tx("old", NOW.minus(Duration.ofDays(40)), "k-old", "d0", null);
        tx("later", NOW.plus(Duration.ofHours(1)), "k-later", "d0", null);
        tx("new", NOW, "kN", "d0", "mule");

        LinkedEntities around = new NeighbourhoodWalk(source).walk("new");

        assertThat(around.hop(0))
                .extracting(LinkedEntities.Entity::id)
                .containsExactly("card:kN", "device:d0", "customer:mule");
        assertThat(around.hop(1))
                .extracting(LinkedEntities.Entity::id)
                .as("d0's cards of the 30 days up to the transaction, most recent first")
                .containsExactly("card:k3", "card:k2", "card:k1", "card:k0");
        assertThat(around.hop(2)).extracting(LinkedEntities.Entity::id).containsExactly("device:d1");
        assertThat(around.fraudEntities()).as("k0, k1 and d1").isEqualTo(3);
        LinkedEntities.Entity k0 = around.hop(1).get(3);
        assertThat(k0.transactions()).isEqualTo(2);
        assertThat(k0.fraudTransactions()).isEqualTo(1);
        assertThat(around.links())
                .contains(
                        new LinkedEntities.Link("card:k0", "device:d1", 1),
                        new LinkedEntities.Link("card:kN", "device:d0", 1));
        assertThat(around.from()).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(around.truncated()).isFalse();
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void eachHopKeepsAtMostItsBoundOfEntities() throws Exception {
        // a hub device with more cards than a hop keeps, and each of them on other devices
        int cards = LinkedEntities.ENTITIES_PER_HOP + 15;
        for (int c = 0; c < cards; c++) {
            tx("h" + c, NOW.minus(Duration.ofMinutes(c + 1)), "k" + c, "hub", null);
            tx("o" + c, NOW.minus(Duration.ofMinutes(c + 1000)), "k" + c, "d" + c, null);
        }
        tx("new", NOW, "kN", "hub", null);

        LinkedEntities around = new NeighbourhoodWalk(source).walk("new");

        assertThat(around.hop(1)).hasSize(LinkedEntities.ENTITIES_PER_HOP);
        assertThat(around.hop(1).get(0).value()).as("most recent first").isEqualTo("k0");
        assertThat(around.hop(1)).extracting(LinkedEntities.Entity::value).doesNotContain("k" + (cards - 1));
        assertThat(around.hop(2)).hasSize(LinkedEntities.ENTITIES_PER_HOP);
        assertThat(around.truncated()).isTrue();
    }

    @Test
    void anEntityGivesAtMostItsBoundOfTransactions() throws Exception {
        for (int i = 0; i < LinkedEntities.TRANSACTIONS_PER_ENTITY + 5; i++) {
            tx("t" + i, NOW.minus(Duration.ofMinutes(i + 1)), "k" + i, "busy", null);
        }
        tx("new", NOW, "kN", "busy", null);

        LinkedEntities around = new NeighbourhoodWalk(source).walk("new");

        assertThat(around.truncated()).isTrue();
        assertThat(around.hop(0).get(1).transactions())
                .as("the counts are not bounded, only the walk")
                .isEqualTo(LinkedEntities.TRANSACTIONS_PER_ENTITY + 6L);
    }

    @Test
    void anUnknownTransactionHasNoNeighbourhood() throws Exception {
        LinkedEntities around = new NeighbourhoodWalk(source).walk("nobody");

        assertThat(around.entities()).isEmpty();
        assertThat(reads).isZero();
    }
}
