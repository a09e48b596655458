package io.vigil.scoring.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The trees of an XGBoost {@code binary:logistic} model ({@code gbtree}, numerical splits), walked in Java: one row's
 * probability in a few microseconds, without building a native matrix or crossing into native code, and its feature
 * contributions by the path method XGBoost offers as {@code approx_contribs} (Saabas): along each tree's path, the
 * feature split on gets the change in the node's expected value from the node to the child the row goes to. The
 * contributions and the bias add up to the row's margin exactly, as TreeSHAP's do; unlike TreeSHAP they credit the
 * split in the path's order rather than averaging over orders, and cost a prediction's walk instead of about ten
 * times a prediction.
 *
 * <p>The prediction follows XGBoost's own arithmetic: the margin starts at the base score's logit and adds each tree's
 * leaf value in float, in tree order; a row goes left when its value is below the split condition, and a missing value
 * ({@link Float#NaN}) goes the node's default way. {@link LoadedModel} checks a loaded ensemble against XGBoost's own
 * predictions before it uses it.
 */
final class TreeEnsemble {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Tree[] trees;
    private final float baseMargin;
    private final int width;

    private TreeEnsemble(Tree[] trees, float baseMargin, int width) {
        this.trees = trees;
        this.baseMargin = baseMargin;
        this.width = width;
    }

    /** One tree as flat arrays, node 0 the root; a leaf's {@code left} is -1 and its value is in {@code value}. */
    private record Tree(int[] left, int[] right, int[] feature, float[] value, boolean[] defaultLeft, double[] mean) {

        int leaf(float[] row) {
            int node = 0;
            while (left[node] >= 0) {
                node = next(node, row);
            }
            return node;
        }

        int next(int node, float[] row) {
            float v = row[feature[node]];
            if (Float.isNaN(v)) {
                return defaultLeft[node] ? left[node] : right[node];
            }
            return v < value[node] ? left[node] : right[node];
        }
    }

    /**
     * The ensemble of an XGBoost JSON model, or {@code null} when the model is of a kind walked here only by XGBoost
     * itself (another objective or booster, categorical splits, vector leaves, several targets).
     */
    static TreeEnsemble parse(byte[] json, int width) {
        JsonNode learner;
        try {
            learner = JSON.readTree(json).path("learner");
        } catch (IOException e) {
            return null;
        }
        JsonNode booster = learner.path("gradient_booster");
        JsonNode params = learner.path("learner_model_param");
        if (!"binary:logistic".equals(learner.path("objective").path("name").asText())
                || !"gbtree".equals(booster.path("name").asText())
                || !LearnerParams.oneTarget(params)) {
            return null;
        }
        double baseScore = LearnerParams.number(params.path("base_score").asText());
        if (!(baseScore > 0 && baseScore < 1)) {
            return null;
        }
        JsonNode treesJson = booster.path("model").path("trees");
        Tree[] trees = new Tree[treesJson.size()];
        for (int t = 0; t < trees.length; t++) {
            trees[t] = tree(treesJson.get(t), width);
            if (trees[t] == null) {
                return null;
            }
        }
        float margin = (float) -Math.log(1.0 / baseScore - 1.0);
        return new TreeEnsemble(trees, margin, width);
    }

    private static Tree tree(JsonNode json, int width) {
        int[] left = ints(json.path("left_children"));
        int[] right = ints(json.path("right_children"));
        int[] feature = ints(json.path("split_indices"));
        int[] splitType = ints(json.path("split_type"));
        int[] defaults = ints(json.path("default_left"));
        JsonNode conditions = json.path("split_conditions");
        JsonNode hessian = json.path("sum_hessian");
        int n = left.length;
        if (n == 0
                || right.length != n
                || feature.length != n
                || defaults.length != n
                || conditions.size() != n
                || hessian.size() != n
                || json.path("tree_param").path("size_leaf_vector").asInt(0) > 1) {
            return null;
        }
        float[] value = new float[n];
        double[] cover = new double[n];
        boolean[] defaultLeft = new boolean[n];
        for (int i = 0; i < n; i++) {
            value[i] = (float) conditions.get(i).asDouble();
            cover[i] = hessian.get(i).asDouble();
            defaultLeft[i] = defaults[i] != 0;
            boolean leaf = left[i] < 0;
            if (leaf) {
                left[i] = -1;
            } else if (left[i] >= n
                    || right[i] < 0
                    || right[i] >= n
                    || feature[i] < 0
                    || feature[i] >= width
                    || (splitType.length == n && splitType[i] != 0)) {
                return null;
            }
        }
        double[] mean = new double[n];
        fillMeans(0, left, right, value, cover, mean);
        return new Tree(left, right, feature, value, defaultLeft, mean);
    }

    /** A node's expected value: a leaf's value, or its children's weighted by their cover (as XGBoost computes it). */
    private static double fillMeans(int node, int[] left, int[] right, float[] value, double[] cover, double[] mean) {
        if (left[node] < 0) {
            mean[node] = value[node];
        } else {
            double l = fillMeans(left[node], left, right, value, cover, mean);
            double r = fillMeans(right[node], left, right, value, cover, mean);
            mean[node] = (l * cover[left[node]] + r * cover[right[node]]) / cover[node];
        }
        return mean[node];
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = array.get(i);
            out[i] = v.isBoolean() ? (v.asBoolean() ? 1 : 0) : v.asInt();
        }
        return out;
    }

    /** The probability of fraud for one row of {@code width} values. */
    double probability(float[] row) {
        return sigmoid(margin(row));
    }

    private float margin(float[] row) {
        float margin = baseMargin;
        for (Tree tree : trees) {
            margin += tree.value[tree.leaf(row)];
        }
        return margin;
    }

    /**
     * The probability, and each feature's contribution to the margin by the path method; {@code contributions} gets
     * {@code width + 1} values, the last one the bias, and they add up to the margin.
     */
    double explain(float[] row, float[] contributions) {
        java.util.Arrays.fill(contributions, 0f);
        double bias = baseMargin;
        float margin = baseMargin;
        for (Tree tree : trees) {
            int node = 0;
            bias += tree.mean[0];
            while (tree.left[node] >= 0) {
                int next = tree.next(node, row);
                contributions[tree.feature[node]] += (float) (tree.mean[next] - tree.mean[node]);
                node = next;
            }
            margin += tree.value[node];
        }
        contributions[width] = (float) bias;
        return sigmoid(margin);
    }

    private static double sigmoid(float margin) {
        return 1.0f / (1.0f + (float) Math.exp(-margin));
    }

    int trees() {
        return trees.length;
    }

    /**
     * Rows that reach every kind of branch: each value missing, exactly at one of the model's split conditions on its
     * feature, just below one, or anything; to compare this walk with XGBoost's own predictions.
     */
    float[][] probeRows(int count, long seed) {
        java.util.List<java.util.List<Float>> splits = new java.util.ArrayList<>();
        for (int f = 0; f < width; f++) {
            splits.add(new java.util.ArrayList<>());
        }
        for (Tree tree : trees) {
            for (int node = 0; node < tree.left.length; node++) {
                if (tree.left[node] >= 0) {
                    splits.get(tree.feature[node]).add(tree.value[node]);
                }
            }
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        float[][] rows = new float[count][width];
        for (float[] row : rows) {
            for (int f = 0; f < width; f++) {
                java.util.List<Float> at = splits.get(f);
                int kind = random.nextInt(at.isEmpty() ? 2 : 4);
                row[f] = switch (kind) {
                    case 0 -> Float.NaN;
                    case 1 -> (float) (random.nextDouble() * 2000 - 100);
                    case 2 -> at.get(random.nextInt(at.size()));
                    default -> Math.nextDown(at.get(random.nextInt(at.size())));
                };
            }
        }
        return rows;
    }

    /** Small readers of XGBoost's learner parameters, which it writes as strings. */
    private static final class LearnerParams {

        private LearnerParams() {}

        /** A number XGBoost may write alone ({@code 5E-1}) or as a one-value vector ({@code [5E-1]}). */
        static double number(String text) {
            String t = text.strip();
            if (t.startsWith("[") && t.endsWith("]")) {
                t = t.substring(1, t.length() - 1).strip();
            }
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        static boolean oneTarget(JsonNode params) {
            return params.path("num_target").asInt(1) <= 1
                    && params.path("num_class").asInt(0) <= 1;
        }
    }
}
