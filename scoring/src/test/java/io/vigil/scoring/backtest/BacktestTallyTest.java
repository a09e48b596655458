package io.vigil.scoring.backtest;

import static io.vigil.ingest.api.Decision.APPROVE;
import static io.vigil.ingest.api.Decision.DECLINE;
import static io.vigil.ingest.api.Decision.REVIEW;
import static io.vigil.ingest.api.TransactionOutcome.CHARGEBACK;
import static io.vigil.ingest.api.TransactionOutcome.CONFIRMED_FRAUD;
import static io.vigil.ingest.api.TransactionOutcome.CONFIRMED_LEGITIMATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.BacktestResult;
import io.vigil.patterns.api.BacktestResult.DecisionMix;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BacktestTallyTest {

    private final BacktestTally tally = new BacktestTally();

    @Test
    void countsHitsByLabelWithPrecisionRecallAndMoney() {
        tally.add(tx("f1", "100.00", "EUR"), true, CHARGEBACK, APPROVE, DECLINE);
        tally.add(tx("f2", "50.50", "EUR"), true, CONFIRMED_FRAUD, REVIEW, DECLINE);
        tally.add(tx("f3", "20.00", "SEK"), true, CHARGEBACK, APPROVE, DECLINE);
        tally.add(tx("f4", "999.00", "EUR"), false, CONFIRMED_FRAUD, APPROVE, APPROVE); // missed fraud
        tally.add(tx("l1", "30.00", "EUR"), true, CONFIRMED_LEGITIMATE, APPROVE, DECLINE);
        tally.add(tx("l2", "40.00", "EUR"), false, CONFIRMED_LEGITIMATE, APPROVE, APPROVE);
        tally.add(tx("u1", "10.00", "EUR"), true, null, APPROVE, DECLINE);
        tally.add(tx("u2", "10.00", "EUR"), false, null, DECLINE, DECLINE);

        BacktestResult result = tally.result();

        assertThat(result.transactions()).isEqualTo(8);
        assertThat(result.hits()).isEqualTo(5);
        assertThat(result.fraudHits()).isEqualTo(3);
        assertThat(result.legitimateHits()).isEqualTo(1);
        assertThat(result.unlabelledHits()).isEqualTo(1);
        assertThat(result.fraudTransactions()).isEqualTo(4);
        assertThat(result.legitimateTransactions()).isEqualTo(2);
        assertThat(result.precision()).isEqualTo(0.75); // 3 fraud of 4 labelled hits
        assertThat(result.recall()).isEqualTo(0.75); // 3 of 4 fraud transactions
        assertThat(result.moneyCaught()).isEqualTo(Map.of("EUR", new BigDecimal("150.5"), "SEK", new BigDecimal("20")));
        assertThat(result.moneyWronglyStopped()).isEqualTo(Map.of("EUR", new BigDecimal("30")));
        assertThat(result.liveDecisions()).isEqualTo(new DecisionMix(6, 1, 1));
        assertThat(result.withPatternDecisions()).isEqualTo(new DecisionMix(2, 0, 6));
        assertThat(result.decisionChange()).isEqualTo(new DecisionMix(-4, -1, 5));
        assertThat(result.sampleHits()).containsExactly("f1", "f2", "f3", "l1", "u1");
    }

    @Test
    void precisionAndRecallAreAbsentWithoutLabels() {
        tally.add(tx("u1", "10.00", "EUR"), true, null, APPROVE, REVIEW);
        tally.add(tx("u2", "10.00", "EUR"), false, CONFIRMED_LEGITIMATE, APPROVE, APPROVE);

        BacktestResult result = tally.result();

        assertThat(result.precision()).as("no labelled hit").isNull();
        assertThat(result.recall()).as("no fraud in the range").isNull();
        assertThat(result.moneyCaught()).isEmpty();
    }

    @Test
    void keepsTheFirstTwentyHitsAsTheSample() {
        IntStream.range(0, 30).forEach(i -> tally.add(tx("h" + i, "1.00", "EUR"), true, null, APPROVE, APPROVE));

        assertThat(tally.result().sampleHits())
                .hasSize(20)
                .startsWith("h0", "h1")
                .endsWith("h19");
        assertThat(tally.result().hits()).isEqualTo(30);
    }

    private static TransactionDetails tx(String id, String amount, String currency) {
        return BacktestReplayTest.transaction(id, Instant.parse("2026-11-23T10:00:00Z"), amount, currency, null);
    }
}
