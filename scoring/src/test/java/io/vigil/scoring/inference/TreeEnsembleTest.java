package io.vigil.scoring.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.patterns.api.ModelRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

class TreeEnsembleTest {

    /** One split on f0 < 10: left leaf -1 (cover 30, missing values go there too), right leaf 2 (cover 10). */
    private static final String ONE_SPLIT = """
            {"learner": {
              "learner_model_param": {"base_score": "[5E-1]", "num_class": "0", "num_target": "1"},
              "objective": {"name": "binary:logistic"},
              "gradient_booster": {"name": "gbtree", "model": {"trees": [{
                "left_children": [1, -1, -1], "right_children": [2, -1, -1], "split_indices": [0, 0, 0],
                "split_conditions": [10.0, -1.0, 2.0], "default_left": [1, 0, 0], "split_type": [0, 0, 0],
                "sum_hessian": [40.0, 30.0, 10.0], "tree_param": {"size_leaf_vector": "1"}}]}}}}
            """;

    @Test
    void walksATreeAsXGBoostDoesAndCreditsTheSplitOnThePath() {
        TreeEnsemble trees = TreeEnsemble.parse(ONE_SPLIT.getBytes(StandardCharsets.UTF_8), 2);
        float[] contributions = new float[3];

        double below = trees.explain(new float[] {5, 0}, contributions);

        assertThat(below).isCloseTo(1 / (1 + Math.exp(1)), within(1e-7));
        // the root's expected value is (-1 × 30 + 2 × 10) / 40 = -0.25; going left moves it to -1
        assertThat(contributions).containsExactly(-0.75f, 0f, -0.25f);
        assertThat(trees.probability(new float[] {10, 0})).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-7));
        assertThat(trees.probability(new float[] {Float.NaN, 0})).isEqualTo(below);
    }

    @Test
    void scoresA300TreeModelAsXGBoostDoes() throws Exception {
        int width = 40;
        byte[] file = TinyModels.wide(width, 300, 6);
        TreeEnsemble trees = TreeEnsemble.parse(file, width);
        assertThat(trees).isNotNull();
        assertThat(trees.trees()).isEqualTo(300);
        Booster booster = XGBoost.loadModel(file);
        booster.setParam("nthread", 1);
        float[][] rows = trees.probeRows(2_000, 11);
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        float[][] expected = booster.inplace_predict(flat, rows.length, width, Float.NaN);
        booster.dispose();

        float[] contributions = new float[width + 1];
        for (int i = 0; i < rows.length; i++) {
            double p = trees.explain(rows[i], contributions);
            assertThat(p).as("row %d", i).isCloseTo(expected[i][0], within(LoadedModel.AGREEMENT));
            double sum = 0;
            for (float c : contributions) {
                sum += c;
            }
            // contributions and bias add up to the margin
            assertThat(sum).as("row %d", i).isCloseTo(Math.log(p / (1 - p)), within(1e-3));
        }
    }

    @Test
    void aLoadedModelIsWalkedInJavaOnlyWhenItCan() {
        List<String> names = IntStream.range(0, 10).mapToObj(i -> "f" + i).toList();
        byte[] trained = TinyModels.wide(10, 20, 3);
        try (LoadedModel walked = LoadedModel.load(new ModelRef("risk", 1, "d", "", names), trained)) {
            assertThat(walked.walkedInJava()).isTrue();
        }
        String regression =
                new String(trained, StandardCharsets.UTF_8).replace("\"binary:logistic\"", "\"reg:logistic\"");
        assertThat(TreeEnsemble.parse(regression.getBytes(StandardCharsets.UTF_8), 10))
                .isNull();
        assertThat(TreeEnsemble.parse("not json".getBytes(StandardCharsets.UTF_8), 10))
                .isNull();
    }
}
