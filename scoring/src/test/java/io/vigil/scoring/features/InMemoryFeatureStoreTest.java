package io.vigil.scoring.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.TransactionDetails;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryFeatureStoreTest {

    /** Three days ago, on the hour: the expiry clock follows event time but never runs ahead of the wall clock. */
    private static final Instant T0 =
            Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);

    private final InMemoryFeatureStore store = new InMemoryFeatureStore();

    @Test
    void featuresDescribeTheEntitiesBeforeTheTransaction() {
        store.record(tx("t1", T0, "c-1", "card-1", "d-1", "SE", "20"));
        store.record(tx("t2", T0.plusSeconds(30), "c-1", "card-1", "d-1", "SE", "40"));

        FeatureSnapshot f = store.read(tx("t3", T0.plusSeconds(60), "c-1", "card-1", "d-1", "SE", "30"));

        assertThat(f.value("features.card.count_5m")).isEqualTo(2L);
        assertThat(f.value("features.card.amount_5m")).isEqualTo(60.0);
        assertThat(f.value("features.card.count_1m")).isEqualTo(0L); // t1, t2 are in the minute before
        assertThat(f.value("features.customer.count_24h")).isEqualTo(2L);
        assertThat(f.value("features.merchant.count_1h")).isEqualTo(2L);
        assertThat(f.value("features.ip.count_1h")).isEqualTo(0L); // the transactions name no IP
        assertThat(f.value("features.customer.amount_ratio")).isEqualTo(1.0); // 30 / mean 30
        assertThat(f.value("features.customer.new_device")).isEqualTo(false);
        assertThat(f.value("features.customer.home_country")).isEqualTo("SE");
    }

    @Test
    void firstSeenFlagsAndDistinctCounts() {
        store.record(tx("t1", T0, "c-1", "card-1", "d-1", "SE", "20"));
        store.record(tx("t2", T0.plusSeconds(10), "c-2", "card-2", "d-1", "SE", "20"));
        store.record(tx("t3", T0.plusSeconds(20), "c-3", "card-3", "d-1", "NO", "20"));

        FeatureSnapshot device = store.read(tx("t4", T0.plusSeconds(30), "c-1", "card-4", "d-1", "DE", "20"));
        assertThat(device.value("features.device.distinct_cards_24h")).isEqualTo(3L);
        assertThat(device.value("features.device.distinct_customers_24h")).isEqualTo(3L);
        assertThat(device.value("features.customer.new_country")).isEqualTo(true);
        assertThat(device.value("features.customer.new_device")).isEqualTo(false);

        FeatureSnapshot otherDevice = store.read(tx("t5", T0.plusSeconds(40), "c-1", "card-1", "d-9", "SE", "20"));
        assertThat(otherDevice.value("features.customer.new_device")).isEqualTo(true);
        assertThat(otherDevice.value("features.customer.new_country")).isEqualTo(false);
        assertThat(otherDevice.value("features.device.distinct_cards_24h")).isEqualTo(0L);
    }

    @Test
    void anUnknownCustomerIsNewInEveryRespect() {
        FeatureSnapshot f = store.read(tx("t1", T0, "c-new", "card-1", "d-1", "SE", "20"));

        assertThat(f.value("features.customer.new_device")).isEqualTo(true);
        assertThat(f.value("features.customer.new_country")).isEqualTo(true);
        assertThat(f.value("features.customer.amount_ratio")).isEqualTo(1.0);
        assertThat(f.value("features.customer.amount_zscore")).isEqualTo(0.0);
        assertThat(f.value("features.no.such")).isNull();
    }

    @Test
    void amountsFarFromTheCustomersHabitStandOut() {
        for (int i = 0; i < 10; i++) {
            store.record(tx("t" + i, T0.plusSeconds(i), "c-1", "card-1", "d-1", "SE", i % 2 == 0 ? "18" : "22"));
        }
        FeatureSnapshot f = store.read(tx("big", T0.plusSeconds(60), "c-1", "card-1", "d-1", "SE", "200"));

        assertThat((double) f.value("features.customer.amount_ratio")).isEqualTo(10.0);
        assertThat((double) f.value("features.customer.amount_zscore")).isGreaterThan(80);
    }

    @Test
    void idleEntitiesExpireAfterADayOfEventTime() {
        store.record(tx("old", T0, "c-1", "card-1", "d-1", "SE", "20"));
        store.record(tx("new", T0.plus(Duration.ofHours(23)), "c-2", "card-2", null, null, "20"));
        assertThat(store.expireIdle()).isZero();

        store.record(tx("later", T0.plus(Duration.ofHours(25)), "c-2", "card-2", null, null, "20"));

        assertThat(store.expireIdle()).isEqualTo(3); // c-1, card-1, d-1; the merchant was seen just now
        assertThat(store.entities()).isEqualTo(3); // c-2, card-2, m-1
    }

    @Test
    void aTransactionDatedFarAheadDoesNotMakeEveryoneIdle() {
        store.record(tx("now", Instant.now(), "c-1", "card-1", null, null, "20"));
        store.record(tx("ahead", Instant.now().plus(Duration.ofDays(30)), "c-2", "card-2", null, null, "20"));

        assertThat(store.expireIdle()).isZero();
    }

    static TransactionDetails tx(
            String id, Instant at, String customer, String card, String device, String country, String amount) {
        return new TransactionDetails(
                id,
                at,
                new BigDecimal(amount),
                "EUR",
                "m-1",
                customer,
                card,
                "411111",
                device,
                null,
                null,
                country,
                "card",
                "web",
                null,
                null,
                Map.of());
    }
}
