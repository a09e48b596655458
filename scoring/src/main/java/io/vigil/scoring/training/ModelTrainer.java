package io.vigil.scoring.training;

import io.vigil.ingest.api.Decision;
import io.vigil.scoring.api.TrainingMetrics;
import io.vigil.scoring.inference.LoadedModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.DoublePredicate;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gradient-boosted trees on the rows of a training replay: binary:logistic, depth 6, eta 0.1, one tree per round;
 * trained on the rows before the hold-out, evaluated on the rest beside the live patterns.
 */
final class ModelTrainer {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);

    static final int MAX_DEPTH = 6;
    static final double ETA = 0.1;

    /** What a row keeps for training and evaluation: about 0.5 KB with the 125 features. */
    record Kept(
            float[] values, boolean fraud, double amount, long epochSecond, double patternScore, Decision patterns) {}

    /** A trained model and how it did. */
    record Trained(byte[] json, TrainingMetrics metrics, Map<String, Double> importance) {}

    private final int threads;

    ModelTrainer(int threads) {
        this.threads = threads;
    }

    /**
     * Trains on the rows dated before {@code holdoutFrom} and evaluates on the others.
     *
     * @param live the model live now, evaluated on the same rows; null when none
     * @param progress told the share of the trees done after each one; answers false to stop
     * @throws IllegalStateException when either slice is empty or the training slice has only one class
     */
    Trained train(
            List<String> names,
            List<Kept> rows,
            long holdoutFrom,
            int trees,
            double reviewThreshold,
            double declineThreshold,
            LoadedModel live,
            DoublePredicate progress) {
        List<Kept> training = new ArrayList<>();
        List<Kept> holdout = new ArrayList<>();
        for (Kept row : rows) {
            (row.epochSecond() < holdoutFrom ? training : holdout).add(row);
        }
        long frauds = training.stream().filter(Kept::fraud).count();
        if (training.isEmpty() || holdout.isEmpty()) {
            throw new IllegalStateException("nothing to " + (training.isEmpty() ? "train on" : "evaluate on") + ": "
                    + training.size() + " transactions before the hold-out, " + holdout.size() + " in it");
        }
        if (frauds == 0 || frauds == training.size()) {
            throw new IllegalStateException("the " + training.size() + " transactions before the hold-out have "
                    + (frauds == 0 ? "no fraud label" : "only fraud labels") + ": there is nothing to learn");
        }
        try {
            DMatrix train = matrix(training, names.size());
            Map<String, Object> params = new HashMap<>();
            params.put("objective", "binary:logistic");
            params.put("max_depth", MAX_DEPTH);
            params.put("eta", ETA);
            params.put("nthread", threads);
            params.put("tree_method", "hist");
            params.put("seed", 0);
            Booster booster = XGBoost.train(train, params, 0, Map.of(), null, null);
            for (int i = 0; i < trees; i++) {
                booster.update(train, i);
                if (!progress.test((i + 1.0) / trees)) {
                    throw new CancellationException("cancelled");
                }
            }
            train.dispose();
            DMatrix test = matrix(holdout, names.size());
            float[][] predicted = booster.predict(test);
            test.dispose();
            TrainingMetrics metrics = new TrainingMetrics(
                    training.size(),
                    frauds,
                    evaluateModel(holdout, predicted, reviewThreshold, declineThreshold),
                    evaluatePatterns(holdout, reviewThreshold, declineThreshold),
                    evaluateLive(holdout, names, live, reviewThreshold, declineThreshold));
            Map<String, Double> gain = booster.getScore(names.toArray(String[]::new), "gain");
            Map<String, Double> importance = new LinkedHashMap<>();
            gain.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> importance.put(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0));
            byte[] json = booster.toByteArray("json");
            booster.dispose();
            return new Trained(json, metrics, importance);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        }
    }

    private static DMatrix matrix(List<Kept> rows, int columns) throws XGBoostError {
        float[] data = new float[rows.size() * columns];
        float[] labels = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i).values(), 0, data, i * columns, columns);
            labels[i] = rows.get(i).fraud() ? 1 : 0;
        }
        DMatrix matrix = new DMatrix(data, rows.size(), columns, Float.NaN);
        matrix.setLabel(labels);
        return matrix;
    }

    private static TrainingMetrics.Evaluation evaluateModel(
            List<Kept> rows, float[][] predicted, double review, double decline) {
        double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = predicted[i][0] * 100.0;
        }
        return evaluateScores(rows, scores, review, decline);
    }

    /**
     * The live model on the same rows, its inputs picked from the run's by name; null when there is none, it reads a
     * feature the run does not have, or it fails to score (the run is not failed for it).
     */
    static TrainingMetrics.Evaluation evaluateLive(
            List<Kept> rows, List<String> names, LoadedModel live, double review, double decline) {
        if (live == null) {
            return null;
        }
        List<String> wanted = live.ref().features();
        int[] columns = new int[wanted.size()];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = names.indexOf(wanted.get(f));
            if (columns[f] < 0) {
                log.warn(
                        "The live model {} reads {}, which the training has not: not compared",
                        live.ref().label(),
                        wanted.get(f));
                return null;
            }
        }
        float[] flat = new float[rows.size() * columns.length];
        for (int i = 0; i < rows.size(); i++) {
            float[] values = rows.get(i).values();
            for (int f = 0; f < columns.length; f++) {
                flat[i * columns.length + f] = values[columns[f]];
            }
        }
        try {
            float[] probabilities = rows.isEmpty() ? new float[0] : live.probabilities(flat);
            double[] scores = new double[rows.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = probabilities[i] * 100.0;
            }
            return evaluateScores(rows, scores, review, decline);
        } catch (RuntimeException e) {
            log.warn(
                    "The live model {} did not score the held-out rows: not compared",
                    live.ref().label(),
                    e);
            return null;
        }
    }

    private static TrainingMetrics.Evaluation evaluateScores(
            List<Kept> rows, double[] scores, double review, double decline) {
        return ModelMetrics.evaluate(
                scores,
                fraud(rows),
                amounts(rows),
                review,
                ModelMetrics.atOrAbove(scores, review),
                decline,
                ModelMetrics.atOrAbove(scores, decline));
    }

    /** The live patterns: ranked by their score, flagged by their decisions (which thresholds and effects make). */
    private static TrainingMetrics.Evaluation evaluatePatterns(List<Kept> rows, double review, double decline) {
        double[] scores = new double[rows.size()];
        boolean[] atReview = new boolean[rows.size()];
        boolean[] atDecline = new boolean[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            Kept row = rows.get(i);
            scores[i] = row.patternScore();
            atReview[i] = row.patterns() != Decision.APPROVE;
            atDecline[i] = row.patterns() == Decision.DECLINE;
        }
        return ModelMetrics.evaluate(scores, fraud(rows), amounts(rows), review, atReview, decline, atDecline);
    }

    private static boolean[] fraud(List<Kept> rows) {
        boolean[] fraud = new boolean[rows.size()];
        for (int i = 0; i < fraud.length; i++) {
            fraud[i] = rows.get(i).fraud();
        }
        return fraud;
    }

    private static double[] amounts(List<Kept> rows) {
        double[] amounts = new double[rows.size()];
        for (int i = 0; i < amounts.length; i++) {
            amounts[i] = rows.get(i).amount();
        }
        return amounts;
    }
}
