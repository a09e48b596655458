package io.vigil.scoring.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.patterns.api.ModelRef;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What a 300-tree model costs: its load time and the cost of one prediction and one explanation, measured in a plain
 * loop and printed (for docs/models.md). Not a benchmark and not a timed assertion: the figures depend on the machine.
 */
class ModelCostTest {

    private static final int WIDTH = 60;
    private static final int ROUNDS = 2_000;

    @Test
    void printsTheCostOfA300TreeModel() {
        byte[] file = TinyModels.wide(WIDTH, 300, 6);
        List<String> names = IntStream.range(0, WIDTH).mapToObj(i -> "f" + i).toList();
        ModelRef ref = new ModelRef("risk", 1, "doc", "", names);

        long loadStart = System.nanoTime();
        LoadedModel model = LoadedModel.load(ref, file);
        long loadNanos = System.nanoTime() - loadStart;

        Random random = new Random(7);
        float[][] rows = new float[ROUNDS][WIDTH];
        for (float[] row : rows) {
            for (int i = 0; i < WIDTH; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        double sink = 0;
        for (int i = 0; i < 500; i++) { // warm-up, as the holder does before a model goes live
            sink += model.explain(rows[i]).score();
        }
        long predictStart = System.nanoTime();
        for (float[] row : rows) {
            sink += model.probability(row);
        }
        long predictNanos = (System.nanoTime() - predictStart) / ROUNDS;
        long explainStart = System.nanoTime();
        for (float[] row : rows) {
            sink += model.explain(row).contributions().size();
        }
        long explainNanos = (System.nanoTime() - explainStart) / ROUNDS;
        boolean walked = model.walkedInJava();
        model.close();

        System.out.printf(
                "model cost: 300 trees, depth 6, %d features, file %d KiB, %s: load %.1f ms, prediction %.1f us,"
                        + " prediction with top-5 explanation %.1f us (mean of %d, one thread)%n",
                WIDTH,
                file.length / 1024,
                walked ? "walked in Java, path-method explanation" : "scored by XGBoost, TreeSHAP explanation",
                loadNanos / 1e6,
                predictNanos / 1e3,
                explainNanos / 1e3,
                ROUNDS);
        assertThat(sink).isPositive();
    }
}
