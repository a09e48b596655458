package io.vigil.scoring.api;

/**
 * How a trained model did on the held-out slice, beside the live patterns alone on the same transactions.
 *
 * @param trainRows transactions the model was trained on
 * @param trainFrauds those labelled fraud
 * @param model the model's evaluation: its probability × 100 against the thresholds
 * @param patterns the live pattern set's evaluation: its decisions and scores, as a backtest computes them
 */
public record TrainingMetrics(long trainRows, long trainFrauds, Evaluation model, Evaluation patterns) {

    /**
     * One scorer on the held-out slice.
     *
     * @param auc area under the ROC curve (ties count half); NaN when the slice has only one class
     * @param averagePrecision the mean of the precision at each fraud, ranked by score (as scikit-learn's
     *     {@code average_precision_score}, ties taken together); NaN without fraud
     * @param review flagging at the review threshold or above
     * @param decline flagging at the decline threshold or above
     */
    public record Evaluation(
            long rows, long frauds, double auc, double averagePrecision, AtThreshold review, AtThreshold decline) {}

    /**
     * Transactions flagged at a threshold.
     *
     * @param threshold on the 0..100 score
     * @param amountCaught the amounts of the frauds flagged
     * @param amountWronglyStopped the amounts of the legitimate transactions flagged
     */
    public record AtThreshold(
            double threshold,
            long flagged,
            long caught,
            double precision,
            double recall,
            double amountCaught,
            double amountWronglyStopped) {}
}
