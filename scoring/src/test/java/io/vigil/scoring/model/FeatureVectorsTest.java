package io.vigil.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import io.vigil.scoring.features.InMemoryFeatureStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureVectorsTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:30:00Z"); // a Monday

    private final InMemoryFeatureStore store = new InMemoryFeatureStore();
    private final EntityHistory history = new EntityHistory(Clock.systemUTC());
    private final FeatureVectors inputs = new FeatureVectors(history);

    static TransactionDetails tx(String id, Instant at, String amount, String card, String country, String device) {
        return new TransactionDetails(
                id,
                at,
                new BigDecimal(amount),
                "EUR",
                "m-1",
                "c-1",
                card,
                "411111",
                device,
                "10.0.0.1",
                "c1@example.com",
                country,
                "card",
                "web",
                "chrome",
                "mobile",
                Map.of());
    }

    private float[] decide(TransactionDetails tx, List<String> names) {
        float[] values = inputs.vector(names, tx, store.read(tx));
        store.record(tx);
        history.record(tx);
        return values;
    }

    @Test
    void everyFeatureHasAValueOrIsMissingAndTheOrderIsStable() {
        List<String> names = ModelFeatures.names();
        assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThan(100);
        assertThat(names.subList(0, 3)).containsExactly("tx.amount", "tx.log_amount", "tx.hour_utc");
        assertThat(names)
                .contains("features.card.count_5m", "features.customer.new_device", "long.merchant.amount_30d")
                .contains("labels.email.fraud_share_28d")
                .doesNotContain("features.customer.home_country");
        float[] values = decide(tx("t1", T0, "100", "card-1", "SE", null), names);
        assertThat(values).hasSize(names.size());
    }

    @Test
    void transactionFieldsAreEncoded() {
        List<String> names = List.of(
                "tx.amount",
                "tx.log_amount",
                "tx.hour_utc",
                "tx.weekday",
                "tx.channel.web",
                "tx.channel.app",
                "tx.method.card",
                "tx.has_device",
                "tx.cross_border");
        float[] first = decide(tx("t1", T0, "100", "card-1", "SE", null), names);
        assertThat(first[0]).isEqualTo(100f);
        assertThat(first[1]).isCloseTo((float) Math.log(101), org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(first[2]).isEqualTo(10f);
        assertThat(first[3]).isEqualTo(1f);
        assertThat(first[4]).isEqualTo(1f);
        assertThat(first[5]).isEqualTo(0f);
        assertThat(first[6]).isEqualTo(1f);
        assertThat(first[7]).isEqualTo(0f);
        assertThat(first[8])
                .as("no home country known before the customer's first transaction")
                .isNaN();
        float[] abroad = decide(tx("t2", T0.plusSeconds(60), "10", "card-1", "DE", "d-1"), names);
        assertThat(abroad[8]).isEqualTo(1f);
        assertThat(abroad[7]).isEqualTo(1f);
        float[] home = decide(tx("t3", T0.plusSeconds(120), "10", "card-1", "SE", "d-1"), names);
        assertThat(home[8]).isEqualTo(0f);
    }

    @Test
    void builtInAndLongWindowsDescribeTheEntitiesBeforeTheTransaction() {
        List<String> names = List.of(
                "features.card.count_24h",
                "features.customer.new_device",
                "long.card.count_7d",
                "long.card.amount_30d",
                "long.card.amount_ratio_30d",
                "long.card.count_30d");
        decide(tx("t1", T0.minusSeconds(10 * 86_400), "100", "card-1", "SE", "d-1"), names);
        decide(tx("t2", T0.minusSeconds(3 * 86_400), "50", "card-1", "SE", "d-1"), names);
        decide(tx("t3", T0.minusSeconds(600), "30", "card-1", "SE", "d-1"), names);
        float[] v = decide(tx("t4", T0, "180", "card-1", "SE", "d-2"), names);
        assertThat(v[0]).isEqualTo(1f);
        assertThat(v[1]).isEqualTo(1f);
        assertThat(v[2]).isEqualTo(2f);
        assertThat(v[3]).isEqualTo(180f);
        assertThat(v[4]).isEqualTo(3f); // 180 / (180 / 3)
        assertThat(v[5]).isEqualTo(3f);
    }

    @Test
    void aMissingEntityIsMissingAndAnUnknownNameIsRefused() {
        float[] v =
                decide(tx("t1", T0, "10", null, "SE", null), List.of("long.card.count_7d", "labels.device.fraud_7d"));
        assertThat(v[0]).isNaN();
        assertThat(v[1]).isNaN();
        TransactionDetails tx = tx("t2", T0, "10", "card-1", "SE", null);
        assertThatThrownBy(() -> inputs.vector(List.of("tx.amount", "tx.nope"), tx, store.read(tx)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tx.nope");
    }

    @Test
    void labelRiskCountsFromTheReportAndALegitimateLabelUndoesIt() {
        List<String> names = List.of("labels.card.fraud_7d", "labels.card.fraud_share_7d", "labels.merchant.fraud_28d");
        TransactionDetails fraud = tx("t1", T0.minusSeconds(5 * 86_400), "100", "card-1", "SE", null);
        decide(fraud, names);
        decide(tx("t2", T0.minusSeconds(4 * 86_400), "100", "card-1", "SE", null), names);
        history.label("t1", TransactionOutcome.CHARGEBACK, T0.minusSeconds(2 * 86_400), () -> fraud);
        history.label("t1", TransactionOutcome.CONFIRMED_FRAUD, T0.minusSeconds(86_400), () -> fraud);
        float[] v = decide(tx("t3", T0, "100", "card-1", "SE", null), names);
        assertThat(v).containsExactly(1f, 0.5f, 1f);
        history.label("t1", TransactionOutcome.CONFIRMED_LEGITIMATE, T0.plusSeconds(60), () -> fraud);
        float[] after = decide(tx("t4", T0.plusSeconds(120), "100", "card-1", "SE", null), names);
        assertThat(after).containsExactly(0f, 0f, 0f);
    }
}
