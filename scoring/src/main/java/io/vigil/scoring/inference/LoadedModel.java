package io.vigil.scoring.inference;

import io.vigil.ingest.api.FeatureContribution;
import io.vigil.ingest.api.ModelScore;
import io.vigil.patterns.api.ModelRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One XGBoost model in memory, ready to score rows of its features ({@link Float#NaN} for a missing value).
 *
 * <p>A {@code binary:logistic} tree model (what Vigil trains, and what most imports are) is scored by walking its trees
 * in Java ({@link TreeEnsemble}): a few microseconds a decision with its explanation by the path method (XGBoost's
 * {@code approx_contribs}). The walk is used only after it matched XGBoost's own predictions within {@value #AGREEMENT}
 * on {@value #PROBES} probe rows at load. Any other model is scored by XGBoost: the probability from
 * {@code inplace_predict} (no matrix is built; XGBoost's prediction is thread-safe), the explanation from
 * {@code predictContrib} (TreeSHAP) on a one-row matrix, about 0.6 ms a decision for 300 trees.
 */
public final class LoadedModel implements AutoCloseable {

    /** Contributions kept in a decision's explanation. */
    public static final int TOP = 5;

    static final double AGREEMENT = 1e-6;
    static final int PROBES = 512;

    private static final Logger log = LoggerFactory.getLogger(LoadedModel.class);

    private final ModelRef ref;
    private final Booster booster;
    private final int width;
    /** The trees walked in Java; null when XGBoost scores. */
    private final TreeEnsemble trees;

    private LoadedModel(ModelRef ref, Booster booster, TreeEnsemble trees) {
        this.ref = ref;
        this.booster = booster;
        this.width = ref.features().size();
        this.trees = trees;
    }

    /**
     * Loads a model file (XGBoost JSON or UBJSON). Throws {@link IllegalArgumentException} when it does not load or
     * expects another number of features than {@code ref} names.
     */
    public static LoadedModel load(ModelRef ref, byte[] file) {
        Booster booster;
        try {
            booster = XGBoost.loadModel(file);
        } catch (XGBoostError | IOException | RuntimeException e) {
            throw new IllegalArgumentException("the model file does not load: " + e.getMessage(), e);
        }
        try {
            // one row at a time: XGBoost's thread pool costs milliseconds a prediction, one thread microseconds
            booster.setParam("nthread", 1);
            long expected = booster.getNumFeature();
            if (expected != ref.features().size()) {
                booster.dispose();
                throw new IllegalArgumentException("the model expects " + expected + " features and "
                        + ref.features().size() + " are named");
            }
        } catch (XGBoostError e) {
            booster.dispose();
            throw new IllegalArgumentException("the model file does not load: " + e.getMessage(), e);
        }
        return new LoadedModel(ref, booster, walkable(ref, booster));
    }

    /** The model's trees walked in Java when they score as XGBoost does; null otherwise (XGBoost scores). */
    private static TreeEnsemble walkable(ModelRef ref, Booster booster) {
        int width = ref.features().size();
        TreeEnsemble trees;
        try {
            trees = TreeEnsemble.parse(booster.toByteArray("json"), width);
        } catch (XGBoostError | RuntimeException e) {
            trees = null;
        }
        if (trees == null) {
            log.info("{} is scored by XGBoost: it is not a binary:logistic tree model walked in Java", ref.label());
            return null;
        }
        float[][] probes = trees.probeRows(PROBES, ref.version());
        float[] flat = new float[PROBES * width];
        for (int i = 0; i < PROBES; i++) {
            System.arraycopy(probes[i], 0, flat, i * width, width);
        }
        try {
            float[][] expected = booster.inplace_predict(flat, PROBES, width, Float.NaN);
            double worst = 0;
            for (int i = 0; i < PROBES; i++) {
                worst = Math.max(worst, Math.abs(trees.probability(probes[i]) - expected[i][0]));
            }
            if (worst > AGREEMENT) {
                log.warn(
                        "{} is scored by XGBoost: walked in Java it differed by {} on a probe row", ref.label(), worst);
                return null;
            }
        } catch (XGBoostError e) {
            return null;
        }
        return trees;
    }

    /** Whether this model is scored by walking its trees in Java (otherwise XGBoost scores it). */
    public boolean walkedInJava() {
        return trees != null;
    }

    public ModelRef ref() {
        return ref;
    }

    /** The probability of fraud for one row. */
    public double probability(float[] row) {
        if (trees != null) {
            return trees.probability(row);
        }
        try {
            return booster.inplace_predict(row, 1, width, Float.NaN)[0][0];
        } catch (XGBoostError e) {
            throw new IllegalStateException(ref.label() + " did not score: " + e.getMessage(), e);
        }
    }

    /** The probabilities of many rows at once ({@code rows.length / width} rows, row after row). */
    public float[] probabilities(float[] rows) {
        int count = rows.length / width;
        try {
            float[][] out = booster.inplace_predict(rows, count, width, Float.NaN);
            float[] flat = new float[count];
            for (int i = 0; i < count; i++) {
                flat[i] = out[i][0];
            }
            return flat;
        } catch (XGBoostError e) {
            throw new IllegalStateException(ref.label() + " did not score: " + e.getMessage(), e);
        }
    }

    /** The score (probability × 100), without explanation: what a shadow model records. */
    public ModelScore score(float[] row) {
        return new ModelScore(ref.modelId(), ref.version(), probability(row) * 100, List.of());
    }

    /** The score with the {@value #TOP} features that moved it most, largest absolute contribution first. */
    public ModelScore explain(float[] row) {
        if (trees != null) {
            float[] contributions = new float[width + 1];
            double probability = trees.explain(row, contributions);
            return new ModelScore(
                    ref.modelId(), ref.version(), probability * 100, top(ref.features(), row, contributions));
        }
        double probability = probability(row);
        float[] contributions;
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(row, 1, width, Float.NaN);
            contributions = booster.predictContrib(matrix, 0)[0];
        } catch (XGBoostError e) {
            throw new IllegalStateException(ref.label() + " did not explain: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
        return new ModelScore(ref.modelId(), ref.version(), probability * 100, top(ref.features(), row, contributions));
    }

    /** The largest contributions by absolute value (the last one, the bias, is not a feature's). */
    static List<FeatureContribution> top(List<String> names, float[] row, float[] contributions) {
        List<FeatureContribution> all = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            if (contributions[i] != 0) {
                all.add(new FeatureContribution(
                        names.get(i), Float.isNaN(row[i]) ? null : (double) row[i], contributions[i]));
            }
        }
        all.sort(Comparator.comparingDouble((FeatureContribution c) -> -Math.abs(c.contribution()))
                .thenComparing(FeatureContribution::feature));
        return List.copyOf(all.subList(0, Math.min(TOP, all.size())));
    }

    /** Frees the native model; only once nothing scores with it any more. */
    @Override
    public void close() {
        booster.dispose();
    }
}
