package io.vigil.scoring.backtest;

import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import io.vigil.patterns.api.BacktestResult;
import io.vigil.patterns.api.BacktestResult.DecisionMix;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts a backtest's transactions as they are evaluated, and turns the counts into a {@link BacktestResult}: hits by
 * label, precision and recall, money caught and wrongly stopped, and the decision mix with and without the pattern.
 * Not thread-safe: one replay fills one tally.
 */
final class BacktestTally {

    private long transactions;
    private long hits;
    private long fraudHits;
    private long legitimateHits;
    private long fraudTransactions;
    private long legitimateTransactions;
    private final Map<String, BigDecimal> caught = new TreeMap<>();
    private final Map<String, BigDecimal> wronglyStopped = new TreeMap<>();
    private final Map<Decision, Long> live = new EnumMap<>(Decision.class);
    private final Map<Decision, Long> withPattern = new EnumMap<>(Decision.class);
    private final List<String> sample = new ArrayList<>();

    /**
     * One evaluated transaction.
     *
     * @param label its latest outcome, {@code null} when none was reported
     */
    void add(TransactionDetails tx, boolean hit, TransactionOutcome label, Decision liveDecision, Decision decision) {
        transactions++;
        boolean fraud = label == TransactionOutcome.CHARGEBACK || label == TransactionOutcome.CONFIRMED_FRAUD;
        boolean legitimate = label == TransactionOutcome.CONFIRMED_LEGITIMATE;
        fraudTransactions += fraud ? 1 : 0;
        legitimateTransactions += legitimate ? 1 : 0;
        live.merge(liveDecision, 1L, Long::sum);
        withPattern.merge(decision, 1L, Long::sum);
        if (!hit) {
            return;
        }
        hits++;
        if (sample.size() < BacktestResult.SAMPLE_SIZE) {
            sample.add(tx.transactionId());
        }
        if (fraud) {
            fraudHits++;
            caught.merge(tx.currency(), tx.amount(), BigDecimal::add);
        } else if (legitimate) {
            legitimateHits++;
            wronglyStopped.merge(tx.currency(), tx.amount(), BigDecimal::add);
        }
    }

    long transactions() {
        return transactions;
    }

    BacktestResult result() {
        long labelledHits = fraudHits + legitimateHits;
        return new BacktestResult(
                transactions,
                hits,
                fraudHits,
                legitimateHits,
                hits - labelledHits,
                fraudTransactions,
                legitimateTransactions,
                labelledHits == 0 ? null : (double) fraudHits / labelledHits,
                fraudTransactions == 0 ? null : (double) fraudHits / fraudTransactions,
                caught,
                wronglyStopped,
                mix(live),
                mix(withPattern),
                sample);
    }

    private static DecisionMix mix(Map<Decision, Long> counts) {
        return new DecisionMix(
                counts.getOrDefault(Decision.APPROVE, 0L),
                counts.getOrDefault(Decision.REVIEW, 0L),
                counts.getOrDefault(Decision.DECLINE, 0L));
    }
}
