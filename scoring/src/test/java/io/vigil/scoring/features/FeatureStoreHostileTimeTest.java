package io.vigil.scoring.features;

import static io.vigil.scoring.features.InMemoryFeatureStoreTest.tx;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.TransactionDetails;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Event time is the client's word: a transaction dated up to a day ahead (the contract accepts that) must not move an
 * entity's windows forward and blind them to the present.
 */
class FeatureStoreHostileTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private final InMemoryFeatureStore store =
            new InMemoryFeatureStore(Clock.fixed(NOW, ZoneOffset.UTC), Long.MAX_VALUE);

    @Test
    void aTransactionDatedADayAheadDoesNotBlindTheCardsWindowsToThePresent() {
        store.record(tx("present-1", NOW.minusSeconds(120), "c-1", "card-1", "d-1", "SE", "20"));
        store.record(tx("ahead", NOW.plus(Duration.ofHours(23)), "c-1", "card-1", "d-1", "SE", "20"));
        store.record(tx("present-2", NOW.minusSeconds(60), "c-1", "card-1", "d-1", "SE", "20"));

        FeatureSnapshot f = store.read(tx("probe", NOW, "c-1", "card-1", "d-1", "SE", "20"));

        // all three count: the one dated ahead counts as of now, the clock's minute
        assertThat(f.value("features.card.count_5m")).isEqualTo(3L);
        assertThat(f.value("features.card.count_15m")).isEqualTo(3L);
        assertThat(f.value("features.card.count_1h")).isEqualTo(3L);
        assertThat(f.value("features.customer.count_24h")).isEqualTo(3L);
        assertThat(f.value("features.merchant.count_1h")).isEqualTo(3L);
        assertThat(f.value("features.device.distinct_cards_24h")).isEqualTo(1L);
    }

    @Test
    void withoutTheClampTheSameTransactionsBlindTheWindows() {
        // a clock a month ahead clamps nothing: this is how the store behaved before event time was clamped
        InMemoryFeatureStore unclamped =
                new InMemoryFeatureStore(Clock.fixed(NOW.plus(Duration.ofDays(30)), ZoneOffset.UTC), Long.MAX_VALUE);
        unclamped.record(tx("present-1", NOW.minusSeconds(120), "c-1", "card-1", "d-1", "SE", "20"));
        unclamped.record(tx("ahead", NOW.plus(Duration.ofHours(23)), "c-1", "card-1", "d-1", "SE", "20"));
        unclamped.record(tx("present-2", NOW.minusSeconds(60), "c-1", "card-1", "d-1", "SE", "20"));

        FeatureSnapshot f = unclamped.read(tx("probe", NOW, "c-1", "card-1", "d-1", "SE", "20"));

        assertThat(f.value("features.card.count_5m")).isEqualTo(0L);
    }

    @Test
    void everyEntityOfATransactionDatedAheadStaysReadableForItsIpAndMerchantToo() {
        TransactionDetails ahead = withIp(tx("ahead", NOW.plus(Duration.ofHours(24)), null, null, null, null, "5"));
        TransactionDetails present = withIp(tx("now", NOW.minusSeconds(30), null, null, null, null, "7"));
        store.record(present);
        store.record(ahead);

        FeatureSnapshot f = store.read(withIp(tx("probe", NOW, null, null, null, null, "1")));

        assertThat(f.value("features.ip.count_1m")).isEqualTo(2L);
        assertThat(f.value("features.ip.amount_1h")).isEqualTo(12.0);
        assertThat(f.value("features.merchant.count_5m")).isEqualTo(2L);
    }

    @Test
    void aTransactionReadAheadOfTheClockSeesThePresentWindows() {
        store.record(tx("present", NOW.minusSeconds(30), "c-1", "card-1", null, null, "20"));

        FeatureSnapshot f = store.read(tx("ahead", NOW.plus(Duration.ofHours(12)), "c-1", "card-1", null, null, "20"));

        assertThat(f.value("features.card.count_1m")).isEqualTo(1L);
    }

    @Test
    void theExpiryClockDoesNotRunAheadEither() {
        store.record(tx("present", NOW, "c-1", "card-1", null, null, "20"));
        store.record(tx("ahead", NOW.plus(Duration.ofHours(24)), "c-2", "card-2", null, null, "20"));

        assertThat(store.expireIdle()).isZero();
        assertThat(store.entities()).isEqualTo(5);
    }

    private static TransactionDetails withIp(TransactionDetails t) {
        return new TransactionDetails(
                t.transactionId(),
                t.timestamp(),
                new BigDecimal(t.amount().toPlainString()),
                t.currency(),
                t.merchantId(),
                t.customerId(),
                t.cardFingerprint(),
                t.cardBin(),
                t.deviceId(),
                "203.0.113.7",
                t.email(),
                t.country(),
                t.paymentMethod(),
                t.channel(),
                t.browser(),
                t.deviceType(),
                Map.of());
    }
}
