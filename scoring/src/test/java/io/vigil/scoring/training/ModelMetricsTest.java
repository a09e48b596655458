package io.vigil.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.scoring.api.TrainingMetrics.AtThreshold;
import io.vigil.scoring.api.TrainingMetrics.Evaluation;
import io.vigil.scoring.api.TrainingMetrics.Point;
import java.util.Arrays;
import java.util.List;
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
        // scores 90, 80, 70, 60, 50, 40: one in each tenth from [40, 50) up
        assertThat(e.scoreBins()).containsExactly(0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 1L, 1L);
        assertThat(e.roc()).hasSize(7);
        assertThat(e.precisionRecall()).hasSize(6);
    }

    @Test
    void theCurvesStepThroughEachDistinctScore() {
        List<Point[]> curves = ModelMetrics.curves(SCORES, FRAUD);
        // highest first: F (tp 1), L (fp 1), F (tp 2), L (fp 2), L (fp 3), F (tp 3); 3 fraud, 3 legitimate
        assertThat(curves.get(0))
                .containsExactly(
                        new Point(0, 0),
                        new Point(0, 1.0 / 3),
                        new Point(1.0 / 3, 1.0 / 3),
                        new Point(1.0 / 3, 2.0 / 3),
                        new Point(2.0 / 3, 2.0 / 3),
                        new Point(1, 2.0 / 3),
                        new Point(1, 1));
        assertThat(curves.get(1))
                .containsExactly(
                        new Point(1.0 / 3, 1),
                        new Point(1.0 / 3, 0.5),
                        new Point(2.0 / 3, 2.0 / 3),
                        new Point(2.0 / 3, 0.5),
                        new Point(2.0 / 3, 0.4),
                        new Point(1, 0.5));
        // tied scores are one threshold
        assertThat(ModelMetrics.curves(new double[] {5, 5, 1}, new boolean[] {true, false, false})
                        .get(0))
                .containsExactly(new Point(0, 0), new Point(0.5, 1), new Point(1, 1));
        assertThat(ModelMetrics.curves(new double[] {1, 2}, new boolean[] {true, true})
                        .get(0))
                .isEmpty();
    }

    @Test
    void aLongCurveKeepsAtMostTheMaximumSpreadAlongItsLength() {
        // a sharp turn: 1,000 points up the y axis, then 9,000 along x; by rank only a tenth would be on the rise
        Point[] points = new Point[10_001];
        points[0] = new Point(0, 0);
        for (int i = 1; i <= 1_000; i++) {
            points[i] = new Point(0, i / 1000.0);
        }
        for (int i = 1; i <= 9_000; i++) {
            points[1000 + i] = new Point(i / 9000.0, 1);
        }
        List<Point> kept = ModelMetrics.evenly(points, 200);
        assertThat(kept).hasSizeLessThanOrEqualTo(200).hasSizeGreaterThan(190);
        assertThat(kept.get(0)).isEqualTo(points[0]);
        assertThat(kept.get(kept.size() - 1)).isEqualTo(points[10_000]);
        long onTheRise = kept.stream().filter(p -> p.x() == 0).count();
        assertThat(onTheRise).as("half the length is the rise").isBetween(95L, 105L);
        assertThat(ModelMetrics.evenly(Arrays.copyOf(points, 50), 200)).hasSize(50);
    }

    private static double[] times100(double[] p) {
        double[] s = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            s[i] = p[i] * 100;
        }
        return s;
    }
}
