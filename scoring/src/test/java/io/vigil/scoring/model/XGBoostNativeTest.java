package io.vigil.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

/** XGBoost's native library loads on this machine, trains, predicts and round-trips a model as JSON. */
class XGBoostNativeTest {

    @Test
    void trainsAndPredictsWithTheNativeLibrary() throws Exception {
        int rows = 200;
        float[] data = new float[rows * 2];
        float[] labels = new float[rows];
        for (int i = 0; i < rows; i++) {
            data[i * 2] = i % 10;
            data[i * 2 + 1] = Float.NaN;
            labels[i] = i % 10 >= 7 ? 1 : 0;
        }
        DMatrix train = new DMatrix(data, rows, 2, Float.NaN);
        train.setLabel(labels);
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("max_depth", 2);
        params.put("eta", 0.5);
        params.put("nthread", 1);
        Booster booster = XGBoost.train(train, params, 10, Map.of(), null, null);
        float[][] predicted = booster.predict(new DMatrix(new float[] {9, Float.NaN, 1, Float.NaN}, 2, 2, Float.NaN));
        assertThat(predicted[0][0]).isGreaterThan(0.9f);
        assertThat(predicted[1][0]).isLessThan(0.1f);
        byte[] json = booster.toByteArray("json");
        assertThat(new String(json, 0, 1)).isEqualTo("{");
        Booster loaded = XGBoost.loadModel(json);
        assertThat(loaded.predict(new DMatrix(new float[] {9, Float.NaN}, 1, 2, Float.NaN))[0][0])
                .isEqualTo(predicted[0][0]);
    }
}
