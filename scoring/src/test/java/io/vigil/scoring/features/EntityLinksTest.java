package io.vigil.scoring.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The linked entities behind {@code features.graph.*}: who is linked to whom over 30 days, the fraud marks labels put
 * on them, the caps on links per entity and the age eviction, and the values patterns read.
 */
class EntityLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final EntityLinks links = new EntityLinks(clock);
    private final Map<String, TransactionDetails> recorded = new HashMap<>();

    private TransactionDetails record(
            String id, Instant at, String customer, String card, String device, String email) {
        TransactionDetails tx = tx(id, at, customer, card, device, email);
        recorded.put(id, tx);
        links.record(tx);
        return tx;
    }

    private void label(String id, TransactionOutcome outcome, Instant at) {
        links.label(id, outcome, at, () -> recorded.get(id));
    }

    @Test
    void aDeviceSharedByCardsOfAFraudRingCountsTheMarkedCards() {
        Instant start = NOW.minus(Duration.ofDays(10));
        // three devices of a farm, each used by four of the ring's six cards on different days
        for (int d = 0; d < 3; d++) {
            for (int c = 0; c < 4; c++) {
                int card = (d * 2 + c) % 6;
                record(
                        "f" + d + c,
                        start.plus(Duration.ofDays(d * 3L + c)),
                        "c-" + card,
                        "card-" + card,
                        "d-" + d,
                        null);
            }
        }
        label("f00", TransactionOutcome.CONFIRMED_FRAUD, NOW.minus(Duration.ofDays(1))); // card-0, c-0, d-0
        label("f01", TransactionOutcome.CHARGEBACK, NOW.minus(Duration.ofDays(1))); // card-1, c-1, d-0

        FeatureSnapshot snapshot = snapshot(tx("new", NOW, "c-new", "card-new", "d-1", null));

        assertThat(snapshot.value("features.graph.device_cards")).isEqualTo(4L); // cards 2..5
        assertThat(snapshot.value("features.graph.device_fraud_cards")).isEqualTo(0L);
        assertThat(snapshot.value("features.graph.device_customers")).isEqualTo(4L);
        assertThat(snapshot.value("features.graph.card_devices"))
                .as("a new card has no links")
                .isEqualTo(0L);
        // two hops: d-1's cards and customers, then d-0 and d-2 through them, and the other cards and customers of
        // those devices: every entity of the farm but d-1 itself
        assertThat(snapshot.value("features.graph.entities_2hop")).isEqualTo(4L + 4L + 2L);
        FeatureSnapshot viaD0 = snapshot(tx("new2", NOW, "c-new", "card-new", "d-0", null));
        assertThat(viaD0.value("features.graph.device_fraud_cards")).isEqualTo(2L);
        assertThat(viaD0.value("features.graph.device_fraud_customers")).isEqualTo(2L);
        assertThat(viaD0.value("features.graph.fraud_entities_2hop"))
                .as("card-0, card-1, c-0 and c-1, reached in one hop")
                .isEqualTo(4L);
        assertThat(snapshot.value("features.graph.fraud_entities_2hop"))
                .as("d-0 is two hops from d-1, but the marked cards are three")
                .isEqualTo(1L);
    }

    @Test
    void aLegitimateVerdictTakesTheFraudMarkBack() {
        record("t1", NOW.minus(Duration.ofDays(2)), "c-1", "card-1", "d-1", "a@example.com");
        label("t1", TransactionOutcome.CONFIRMED_FRAUD, NOW.minus(Duration.ofDays(1)));
        label("t1", TransactionOutcome.CHARGEBACK, NOW.minus(Duration.ofHours(20))); // counted once
        assertThat(snapshot(tx("t2", NOW, "c-2", "card-2", "d-1", null)).value("features.graph.device_fraud_cards"))
                .isEqualTo(1L);

        label("t1", TransactionOutcome.CONFIRMED_LEGITIMATE, NOW.minus(Duration.ofHours(2)));

        FeatureSnapshot after = snapshot(tx("t3", NOW, "c-2", "card-2", "d-1", null));
        assertThat(after.value("features.graph.device_fraud_cards")).isEqualTo(0L);
        assertThat(after.value("features.graph.device_emails")).isEqualTo(1L);
        assertThat(after.value("features.graph.email_cards"))
                .as("the transaction names no e-mail")
                .isEqualTo(0L);
    }

    @Test
    void featuresDescribeTheLinksBeforeTheTransactionAndWithinThirtyDays() {
        record("old", NOW.minus(Duration.ofDays(31)), "c-1", "card-1", "d-1", null);
        record("later", NOW.plus(Duration.ofDays(0)).plusSeconds(0), "c-2", "card-2", "d-1", null);
        record("recent", NOW.minus(Duration.ofDays(29)), "c-3", "card-3", "d-1", null);
        label("old", TransactionOutcome.CONFIRMED_FRAUD, NOW.minus(Duration.ofDays(31)));

        FeatureSnapshot anHourAgo = snapshot(tx("x", NOW.minus(Duration.ofHours(1)), null, null, "d-1", null));

        assertThat(anHourAgo.value("features.graph.device_cards"))
                .as("card-3 only: card-1 is older than 30 days, card-2 came after the transaction")
                .isEqualTo(1L);
        assertThat(anHourAgo.value("features.graph.device_fraud_cards")).isEqualTo(0L);
    }

    @Test
    void anEntityKeepsItsMostRecentLinksUpToTheCap() {
        Instant start = NOW.minus(Duration.ofDays(5));
        for (int c = 0; c < EntityLinks.MAX_LINKS + 20; c++) {
            record("t" + c, start.plus(Duration.ofMinutes(c)), null, "card-" + c, "d-busy", null);
        }
        // a late transaction older than every link held does not push a newer one out
        record("late", start.minus(Duration.ofDays(1)), null, "card-late", "d-busy", null);

        assertThat(links.links(EntityKind.DEVICE, "d-busy")).isEqualTo(EntityLinks.MAX_LINKS);
        List<EntityLinks.Linked> held =
                links.neighbours(EntityKind.DEVICE, "d-busy", links.minuteOf(NOW), EntityLinks.MAX_LINKS);
        assertThat(held).hasSize(EntityLinks.MAX_LINKS);
        assertThat(held.get(0).key()).as("most recent first").isEqualTo("card-" + (EntityLinks.MAX_LINKS + 19));
        assertThat(held).extracting(EntityLinks.Linked::key).doesNotContain("card-0", "card-19", "card-late");
        assertThat(links.neighbours(EntityKind.DEVICE, "d-busy", links.minuteOf(NOW), 3))
                .hasSize(3);
        assertThat(snapshot(tx("n", NOW, null, null, "d-busy", null)).value("features.graph.device_cards"))
                .isEqualTo((long) EntityLinks.MAX_LINKS);
    }

    @Test
    void twoHopsExpandABoundedNumberOfEntities() {
        // a hub card used on many devices, each of which was used by many other cards
        Instant start = NOW.minus(Duration.ofDays(3));
        int devices = EntityLinks.HOP2_ENTITIES + 10;
        for (int d = 0; d < devices; d++) {
            record("h" + d, start.plus(Duration.ofMinutes(d)), null, "card-hub", "d-" + d, null);
            for (int c = 0; c < EntityLinks.HOP2_FANOUT + 5; c++) {
                record(
                        "o" + d + "-" + c,
                        start.plus(Duration.ofMinutes(d)),
                        null,
                        "card-" + d + "-" + c,
                        "d-" + d,
                        null);
            }
        }

        long reached =
                (long) snapshot(tx("n", NOW, null, "card-hub", null, null)).value("features.graph.entities_2hop");

        // first hop: the hub's 64 most recent devices (its cap); each expands at most 16 links
        assertThat(reached)
                .isLessThanOrEqualTo(
                        EntityLinks.MAX_LINKS + (long) EntityLinks.HOP2_ENTITIES * EntityLinks.HOP2_FANOUT);
        assertThat(reached).isGreaterThan((long) EntityLinks.MAX_LINKS);
    }

    @Test
    void expiryForgetsEntitiesWithNothingInThirtyDays() {
        record("old", NOW.minus(Duration.ofDays(40)), "c-1", "card-1", "d-1", null);
        record("new", NOW.minus(Duration.ofDays(1)), "c-2", "card-2", "d-1", null);
        assertThat(links.entities()).isEqualTo(5);

        int removed = links.expireIdle();

        assertThat(removed).as("c-1 and card-1").isEqualTo(2);
        assertThat(links.entities()).isEqualTo(3);
        assertThat(links.links(EntityKind.DEVICE, "d-1"))
                .as("d-1's old links are dropped")
                .isEqualTo(2);
    }

    @Test
    void aFutureTransactionCountsAtTheClocksMinute() {
        record("ahead", NOW.plus(Duration.ofDays(1)), null, "card-1", "d-1", null);
        assertThat(snapshot(tx("n", NOW, null, null, "d-1", null)).value("features.graph.device_cards"))
                .isEqualTo(1L);
    }

    private FeatureSnapshot snapshot(TransactionDetails tx) {
        InMemoryFeatureStore store = new InMemoryFeatureStore(clock, Long.MAX_VALUE, links);
        return store.read(tx);
    }

    static TransactionDetails tx(String id, Instant at, String customer, String card, String device, String email) {
        return new TransactionDetails(
                id,
                at.truncatedTo(ChronoUnit.SECONDS),
                new BigDecimal("20"),
                "EUR",
                "m-1",
                customer,
                card,
                "411111",
                device,
                null,
                email,
                "SE",
                "card",
                "web",
                null,
                null,
                Map.of());
    }
}
