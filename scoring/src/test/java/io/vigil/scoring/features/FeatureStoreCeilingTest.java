package io.vigil.scoring.features;

import static io.vigil.scoring.features.InMemoryFeatureStoreTest.tx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The store holds at most its ceiling of entities; at the ceiling the least recently seen make room. */
class FeatureStoreCeilingTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    private final InMemoryFeatureStore store = new InMemoryFeatureStore(Clock.fixed(NOW, ZoneOffset.UTC), 100);

    @Test
    void atTheCeilingTheLeastRecentlySeenEntitiesAreEvicted() {
        for (int i = 0; i < 150; i++) {
            // card-0 was seen longest ago, card-149 just now; every transaction also touches the merchant m-1
            store.record(tx("t" + i, NOW.minusSeconds(60L * (150 - i)), null, "card-" + i, null, null, "10"));
        }

        assertThat(store.entities()).isLessThanOrEqualTo(100);
        assertThat(store.evicted()).isEqualTo(150 + 1 - store.entities());
        assertThat(count("card-149")).isEqualTo(1);
        assertThat(count("card-140")).isEqualTo(1);
        assertThat(count("card-0")).as("seen longest ago: evicted").isZero();
        assertThat(count("card-40")).isZero();
        assertThat(store.read(tx("probe", NOW, null, "card-149", null, null, "1"))
                        .value("features.merchant.count_24h"))
                .as("the merchant is seen every minute and stays")
                .isEqualTo(150L);
    }

    @Test
    void aFloodOfNewEntitiesInOneMinuteStaysWithinTheCeiling() {
        store.record(tx("old", NOW.minusSeconds(3600), "c-regular", "card-regular", null, null, "10"));
        for (int i = 0; i < 1000; i++) {
            store.record(tx("f" + i, NOW, null, "flood-" + i, null, null, "10"));
        }

        assertThat(store.entities()).isLessThanOrEqualTo(100);
        assertThat(count("flood-999")).isEqualTo(1);
        assertThat(count("card-regular"))
                .as("idle longest: evicted before any of the flood")
                .isZero();
    }

    @Test
    void belowTheCeilingNothingIsEvicted() {
        for (int i = 0; i < 98; i++) {
            store.record(tx("t" + i, NOW.minusSeconds(60L * i), null, "card-" + i, null, null, "10"));
        }

        assertThat(store.entities()).isEqualTo(99);
        assertThat(store.evicted()).isZero();
        assertThat(count("card-97")).isEqualTo(1);
    }

    private long count(String card) {
        return (long) store.read(tx("probe", NOW, null, card, null, null, "1")).value("features.card.count_24h");
    }
}
