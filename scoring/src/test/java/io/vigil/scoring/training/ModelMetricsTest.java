package io.vigil.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.scoring.api.TrainingMetrics.AtThreshold;
import io.vigil.scoring.api.TrainingMetrics.Evaluation;
import org.junit.jupiter.api.Test;

/** The metrics against values worked out by hand (and matching scikit-learn's for the same inputs). */
class ModelMetricsTest {

    // scores 0.9 F, 0.8 L, 0.7 F, 0.6 L, 0.5 L, 0.4 F
    private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
    private static final boolean[] FRAUD = {true, false, true, false, false, true};
    private static final double[] AMOUNTS = {100, 10, 50, 20, 30, 5};

    @Test
    void aucCountsTheOrderedPairs() {
        // pairs (fraud, legit) ordered right: 0.9 beats 3, 0.7 beats 2, 0.4 beats 0 → 5 of 9
        assertThat(ModelMetrics.auc(SCORES, FRAUD)).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(ModelMetrics.auc(new double[] {1, 1}, new boolean[] {true, false}))
                .isEqualTo(0.5);
        assertThat(ModelMetrics.auc(new double[] {1, 2}, new boolean[] {true, true}))
                .isNaN();
    }

    @Test
    void averagePrecisionIsThePrecisionAtEachFraud() {
        // frauds at ranks 1, 3, 6: (1/1 + 2/3 + 3/6) / 3
        assertThat(ModelMetrics.averagePrecision(SCORES, FRAUD)).isCloseTo((1 + 2.0 / 3 + 0.5) / 3, within(1e-12));
        // all tied: one threshold, precision 2/4 at recall 1
        assertThat(ModelMetrics.averagePrecision(new double[] {5, 5, 5, 5}, new boolean[] {true, false, true, false}))
                .isEqualTo(0.5);
        // a tie of one fraud and one legit at the top: precision 1/2 at recall 1/2, then 2/3 at recall 1
        assertThat(ModelMetrics.averagePrecision(new double[] {9, 9, 1, 8}, new boolean[] {true, false, false, true}))
                .isCloseTo(0.5 * 0.5 + 0.5 * 2.0 / 3, within(1e-12));
    }

    @Test
    void thresholdsCountWhatIsFlaggedAndTheMoney() {
        AtThreshold at = ModelMetrics.at(65, ModelMetrics.atOrAbove(times100(SCORES), 65), FRAUD, AMOUNTS);
        assertThat(at.flagged()).isEqualTo(3);
        assertThat(at.caught()).isEqualTo(2);
        assertThat(at.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(at.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(at.amountCaught()).isEqualTo(150.0);
        assertThat(at.amountWronglyStopped()).isEqualTo(10.0);
        AtThreshold none = ModelMetrics.at(95, ModelMetrics.atOrAbove(times100(SCORES), 95), FRAUD, AMOUNTS);
        assertThat(none.flagged()).isZero();
        assertThat(none.precision()).isNaN();
        assertThat(none.recall()).isZero();
    }

    @Test
    void anEvaluationGathersThem() {
        double[] scores = times100(SCORES);
        Evaluation e = ModelMetrics.evaluate(
                scores, FRAUD, AMOUNTS, 50, ModelMetrics.atOrAbove(scores, 50), 80, ModelMetrics.atOrAbove(scores, 80));
        assertThat(e.rows()).isEqualTo(6);
        assertThat(e.frauds()).isEqualTo(3);
        assertThat(e.review().flagged()).isEqualTo(5);
        assertThat(e.decline().caught()).isEqualTo(1);
        assertThat(e.decline().recall()).isCloseTo(1.0 / 3, within(1e-12));
    }

    private static double[] times100(double[] p) {
        double[] s = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            s[i] = p[i] * 100;
        }
        return s;
    }
}
