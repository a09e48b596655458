package io.vigil.patterns.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a pattern would have done over a range of recorded transactions. A transaction is labelled fraud when its
 * latest outcome is {@code chargeback} or {@code confirmed_fraud}, legitimate when it is {@code confirmed_legitimate},
 * and unlabelled without an outcome; labels are those known when the run started.
 *
 * @param transactions transactions of the range replayed (and evaluated)
 * @param hits transactions the pattern matched
 * @param fraudHits hits labelled fraud
 * @param legitimateHits hits labelled legitimate
 * @param unlabelledHits hits with no label
 * @param fraudTransactions transactions of the range labelled fraud, matched or not
 * @param legitimateTransactions transactions of the range labelled legitimate
 * @param precision {@code fraudHits / (fraudHits + legitimateHits)}: among labelled hits, the share that is fraud;
 *     {@code null} without a labelled hit
 * @param recall {@code fraudHits / fraudTransactions}; {@code null} without fraud in the range
 * @param moneyCaught the amounts of the fraud hits, by currency
 * @param moneyWronglyStopped the amounts of the legitimate hits, by currency
 * @param liveDecisions the decisions the live set gives these transactions (replayed with the same features)
 * @param withPatternDecisions the decisions with the tested pattern added to the live set as active (replacing the
 *     live version of the same pattern)
 * @param sampleHits the ids of the first hits in time order, at most {@link #SAMPLE_SIZE}
 */
public record BacktestResult(
        long transactions,
        long hits,
        long fraudHits,
        long legitimateHits,
        long unlabelledHits,
        long fraudTransactions,
        long legitimateTransactions,
        Double precision,
        Double recall,
        Map<String, BigDecimal> moneyCaught,
        Map<String, BigDecimal> moneyWronglyStopped,
        DecisionMix liveDecisions,
        DecisionMix withPatternDecisions,
        List<String> sampleHits) {

    public static final int SAMPLE_SIZE = 20;

    public BacktestResult {
        moneyCaught = Map.copyOf(moneyCaught);
        moneyWronglyStopped = Map.copyOf(moneyWronglyStopped);
        sampleHits = List.copyOf(sampleHits);
    }

    /** The change in the decision mix the pattern brings: with it minus without it. */
    public DecisionMix decisionChange() {
        return withPatternDecisions.minus(liveDecisions);
    }

    /** How many transactions got each decision. */
    public record DecisionMix(long approve, long review, long decline) {

        public DecisionMix minus(DecisionMix other) {
            return new DecisionMix(approve - other.approve, review - other.review, decline - other.decline);
        }
    }
}
