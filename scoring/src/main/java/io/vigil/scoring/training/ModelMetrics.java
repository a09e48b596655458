package io.vigil.scoring.training;

import io.vigil.scoring.api.TrainingMetrics;
import io.vigil.scoring.api.TrainingMetrics.AtThreshold;
import io.vigil.scoring.api.TrainingMetrics.Evaluation;
import io.vigil.scoring.api.TrainingMetrics.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

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
        List<Point[]> curves = curves(scores, fraud);
        return new Evaluation(
                scores.length,
                frauds,
                auc(scores, fraud),
                averagePrecision(scores, fraud),
                at(reviewThreshold, atReview, fraud, amounts),
                at(declineThreshold, atDecline, fraud, amounts),
                evenly(curves.get(0), Evaluation.CURVE_POINTS),
                evenly(curves.get(1), Evaluation.CURVE_POINTS),
                bins(scores));
    }

    /** How many scores fall in each tenth of 0..100: {@code [0, 10)}, ..., {@code [80, 90)}, {@code [90, 100]}. */
    static List<Long> bins(double[] scores) {
        long[] bins = new long[TrainingMetrics.SCORE_BINS];
        for (double score : scores) {
            int bin = (int) Math.floor(score / (100.0 / bins.length));
            bins[Math.max(0, Math.min(bins.length - 1, bin))]++;
        }
        return Arrays.stream(bins).boxed().toList();
    }

    /**
     * The ROC curve (false positive rate, true positive rate) and the precision-recall curve (recall, precision) at
     * every distinct score taken as the threshold, highest first; the ROC curve starts at (0, 0). Both are empty
     * without fraud, the ROC curve also without legitimate rows.
     */
    static List<Point[]> curves(double[] scores, boolean[] fraud) {
        Integer[] order = ascending(scores);
        long positives = 0;
        for (boolean f : fraud) {
            positives += f ? 1 : 0;
        }
        long negatives = scores.length - positives;
        if (positives == 0) {
            return List.of(new Point[0], new Point[0]);
        }
        List<Point> roc = new ArrayList<>();
        List<Point> pr = new ArrayList<>();
        roc.add(new Point(0, 0));
        long tp = 0;
        long fp = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
                j--;
            }
            for (int k = j; k <= i; k++) {
                if (fraud[order[k]]) {
                    tp++;
                } else {
                    fp++;
                }
            }
            roc.add(new Point(negatives == 0 ? 0 : (double) fp / negatives, (double) tp / positives));
            pr.add(new Point((double) tp / positives, (double) tp / (tp + fp)));
            i = j - 1;
        }
        return List.of(negatives == 0 ? new Point[0] : roc.toArray(Point[]::new), pr.toArray(Point[]::new));
    }

    /**
     * At most {@code max} of the points, spread evenly along the curve's length (measured as |dx| + |dy|), with the
     * first and the last: where a curve turns sharply (a good model's ROC curve near 0) it keeps more points than an
     * even pick by rank would.
     */
    static List<Point> evenly(Point[] points, int max) {
        if (points.length <= max) {
            return List.of(points);
        }
        double[] along = new double[points.length];
        for (int i = 1; i < points.length; i++) {
            along[i] = along[i - 1]
                    + Math.abs(points[i].x() - points[i - 1].x())
                    + Math.abs(points[i].y() - points[i - 1].y());
        }
        double step = along[points.length - 1] / (max - 1);
        List<Point> kept = new ArrayList<>();
        kept.add(points[0]);
        double next = step;
        for (int i = 1; i < points.length - 1 && kept.size() < max - 1; i++) {
            if (along[i] >= next) {
                kept.add(points[i]);
                while (next <= along[i]) {
                    next += step;
                }
            }
        }
        kept.add(points[points.length - 1]);
        return List.copyOf(kept);
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
        boolean any = false;
        for (boolean f : fraud) {
            any |= f;
        }
        if (!any) {
            return Double.NaN;
        }
        double ap = 0;
        double recall = 0;
        for (Point p : curves(scores, fraud).get(1)) {
            ap += (p.x() - recall) * p.y();
            recall = p.x();
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
