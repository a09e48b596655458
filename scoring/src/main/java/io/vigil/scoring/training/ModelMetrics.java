package io.vigil.scoring.training;

import io.vigil.scoring.api.TrainingMetrics.AtThreshold;
import io.vigil.scoring.api.TrainingMetrics.Evaluation;
import java.util.Arrays;
import java.util.Comparator;

/** The evaluation metrics of a scorer on labelled transactions. */
final class ModelMetrics {

    private ModelMetrics() {}

    /**
     * One scorer: its ranking metrics from {@code scores}, and what it flags at the review and decline thresholds.
     *
     * @param atReview the rows flagged at the review threshold; {@code atDecline} likewise
     */
    static Evaluation evaluate(
            double[] scores,
            boolean[] fraud,
            double[] amounts,
            double reviewThreshold,
            boolean[] atReview,
            double declineThreshold,
            boolean[] atDecline) {
        long frauds = 0;
        for (boolean f : fraud) {
            frauds += f ? 1 : 0;
        }
        return new Evaluation(
                scores.length,
                frauds,
                auc(scores, fraud),
                averagePrecision(scores, fraud),
                at(reviewThreshold, atReview, fraud, amounts),
                at(declineThreshold, atDecline, fraud, amounts));
    }

    /** The rows whose score is at or above the threshold. */
    static boolean[] atOrAbove(double[] scores, double threshold) {
        boolean[] flagged = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            flagged[i] = scores[i] >= threshold;
        }
        return flagged;
    }

    /** Area under the ROC curve by the rank sum (Mann–Whitney), tied scores sharing their mean rank. */
    static double auc(double[] scores, boolean[] fraud) {
        Integer[] order = ascending(scores);
        double positiveRanks = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double meanRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (fraud[order[k]]) {
                    positiveRanks += meanRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * Average precision: the sum over the distinct scores, highest first, of the precision at that score times the
     * recall it adds (scikit-learn's {@code average_precision_score}).
     */
    static double averagePrecision(double[] scores, boolean[] fraud) {
        Integer[] order = ascending(scores);
        long positives = 0;
        for (boolean f : fraud) {
            positives += f ? 1 : 0;
        }
        if (positives == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        long fp = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
                j--;
            }
            long added = 0;
            for (int k = j; k <= i; k++) {
                if (fraud[order[k]]) {
                    added++;
                } else {
                    fp++;
                }
            }
            tp += added;
            ap += (double) added / positives * ((double) tp / (tp + fp));
            i = j - 1;
        }
        return ap;
    }

    static AtThreshold at(double threshold, boolean[] flagged, boolean[] fraud, double[] amounts) {
        long flags = 0;
        long caught = 0;
        long frauds = 0;
        double amountCaught = 0;
        double wronglyStopped = 0;
        for (int i = 0; i < flagged.length; i++) {
            frauds += fraud[i] ? 1 : 0;
            if (flagged[i]) {
                flags++;
                if (fraud[i]) {
                    caught++;
                    amountCaught += amounts[i];
                } else {
                    wronglyStopped += amounts[i];
                }
            }
        }
        return new AtThreshold(
                threshold,
                flags,
                caught,
                flags == 0 ? Double.NaN : (double) caught / flags,
                frauds == 0 ? Double.NaN : (double) caught / frauds,
                Math.round(amountCaught * 100) / 100.0,
                Math.round(wronglyStopped * 100) / 100.0);
    }

    private static Integer[] ascending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }
}
