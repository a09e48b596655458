package io.vigil.scoring.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a trained model did on the held-out slice, beside the live patterns alone on the same transactions.
 *
 * @param trainRows transactions the model was trained on
 * @param trainFrauds those labelled fraud
 * @param model the model's evaluation: its probability × 100 against the thresholds
 * @param patterns the live pattern set's evaluation: its decisions and scores, as a backtest computes them
 * @param live the model live when the run trained, on the same slice (its probability × 100 against the thresholds);
 *     null when no model was live, or for runs kept before it was measured
 */
public record TrainingMetrics(
        long trainRows, long trainFrauds, Evaluation model, Evaluation patterns, Evaluation live) {

    /** The number of equal-width bins of the 0..100 score in {@link Evaluation#scoreBins()}. */
    public static final int SCORE_BINS = 10;

    /** The prefix of the score distribution's shares in {@link #flat()}: {@code model.score_bin.0} .. {@code .9}. */
    public static final String SCORE_BIN = "model.score_bin.";

    /**
     * The held-out figures as the model store keeps them with a version: a flat map ({@code model.auc},
     * {@code patterns.review.precision}, ...) without the figures that are not numbers, and the share of the slice in
     * each score bin ({@value #SCORE_BIN}0 .. 9), which the model's stability index compares with live traffic.
     */
    public Map<String, Double> flat() {
        Map<String, Double> flat = new LinkedHashMap<>();
        flat.put("train_rows", (double) trainRows);
        flat.put("train_frauds", (double) trainFrauds);
        flatten("model", model, flat);
        flatten("patterns", patterns, flat);
        flatten("live", live, flat);
        if (model != null && model.scoreBins() != null && model.rows() > 0) {
            for (int i = 0; i < model.scoreBins().size(); i++) {
                flat.put(SCORE_BIN + i, model.scoreBins().get(i) / (double) model.rows());
            }
        }
        flat.values().removeIf(v -> v == null || !Double.isFinite(v));
        return flat;
    }

    private static void flatten(String prefix, Evaluation e, Map<String, Double> flat) {
        if (e == null) {
            return;
        }
        flat.put(prefix + ".holdout_rows", (double) e.rows());
        flat.put(prefix + ".holdout_frauds", (double) e.frauds());
        flat.put(prefix + ".auc", e.auc());
        flat.put(prefix + ".average_precision", e.averagePrecision());
        for (var at : List.of(Map.entry("review", e.review()), Map.entry("decline", e.decline()))) {
            if (at.getValue() != null) {
                flat.put(
                        prefix + "." + at.getKey() + ".precision", at.getValue().precision());
                flat.put(prefix + "." + at.getKey() + ".recall", at.getValue().recall());
            }
        }
    }

    /**
     * One scorer on the held-out slice.
     *
     * @param auc area under the ROC curve (ties count half); NaN when the slice has only one class
     * @param averagePrecision the mean of the precision at each fraud, ranked by score (as scikit-learn's
     *     {@code average_precision_score}, ties taken together); NaN without fraud
     * @param review flagging at the review threshold or above
     * @param decline flagging at the decline threshold or above
     * @param roc the ROC curve, false positive rate (x) against true positive rate (y), from the highest threshold
     *     down, at most {@value #CURVE_POINTS} points picked evenly along its length; null for runs kept before
     * @param precisionRecall the precision-recall curve, recall (x) against precision (y), likewise
     * @param scoreBins how many rows scored in each tenth of 0..100 ({@code [0, 10)}, ..., {@code [90, 100]}); null
     *     for runs kept before
     */
    public record Evaluation(
            long rows,
            long frauds,
            double auc,
            double averagePrecision,
            AtThreshold review,
            AtThreshold decline,
            List<Point> roc,
            List<Point> precisionRecall,
            List<Long> scoreBins) {

        /** At most this many points per curve. */
        public static final int CURVE_POINTS = 200;
    }

    /** One point of a curve. */
    public record Point(double x, double y) {}

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
