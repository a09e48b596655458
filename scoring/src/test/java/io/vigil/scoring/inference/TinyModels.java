package io.vigil.scoring.inference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Models trained in the test with XGBoost4J on synthetic rows, saved as XGBoost JSON. */
final class TinyModels {

    /** Fraud is a large amount at night (00..05 UTC); whether a device is named does not matter. */
    static final List<String> FEATURES = List.of("tx.amount", "tx.hour_utc", "tx.has_device");

    private TinyModels() {}

    static byte[] nightAndAmount(int trees) {
        return train(FEATURES, trees, 4, 2_000, (row, random) -> {
            row[0] = (float) (random.nextDouble() * 2_000);
            row[1] = random.nextInt(24);
            row[2] = random.nextBoolean() ? 1 : 0;
            return row[0] > 1_000 && row[1] < 6 ? 1 : 0;
        });
    }

    /** Rows of {@code width} random features where the label depends on the first few. */
    static byte[] wide(int width, int trees, int depth) {
        List<String> names = java.util.stream.IntStream.range(0, width)
                .mapToObj(i -> "f" + i)
                .toList();
        return train(names, trees, depth, 20_000, (row, random) -> {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) random.nextGaussian();
            }
            return row[0] + row[1] * row[2] - Math.abs(row[3]) + random.nextGaussian() * 0.5 > 0.5 ? 1 : 0;
        });
    }

    interface Row {
        /** Fills the row, answers its label. */
        int fill(float[] row, Random random);
    }

    static byte[] train(List<String> names, int trees, int depth, int rows, Row generator) {
        Random random = new Random(42);
        int width = names.size();
        float[] data = new float[rows * width];
        float[] labels = new float[rows];
        float[] row = new float[width];
        for (int r = 0; r < rows; r++) {
            labels[r] = generator.fill(row, random);
            System.arraycopy(row, 0, data, r * width, width);
        }
        try {
            DMatrix train = new DMatrix(data, rows, width, Float.NaN);
            train.setLabel(labels);
            Map<String, Object> params = new HashMap<>();
            params.put("objective", "binary:logistic");
            params.put("max_depth", depth);
            params.put("eta", 0.1);
            params.put("nthread", 1);
            params.put("seed", 42);
            Booster booster = XGBoost.train(train, params, trees, Map.of(), null, null);
            byte[] json = booster.toByteArray("json");
            booster.dispose();
            train.dispose();
            return json;
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        }
    }
}
