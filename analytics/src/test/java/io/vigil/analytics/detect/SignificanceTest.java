package io.vigil.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/**
 * The tails against values from statistical tables (reference values from scipy.stats and mpmath at 30 digits,
 * unless a comment works them out by hand).
 */
class SignificanceTest {

    @Test
    void normalTailIsAccurateFromTheCentreFarIntoTheTail() {
        assertRelative(Significance.normalUpperTail(0), 0.5, 1e-15);
        assertRelative(Significance.normalUpperTail(1), 0.15865525393145705, 1e-13);
        assertRelative(Significance.normalUpperTail(2.5), 0.0062096653257761352, 1e-12);
        assertRelative(Significance.normalUpperTail(3), 0.0013498980316300945, 1e-12);
        assertRelative(Significance.normalUpperTail(4), 3.1671241833119921e-5, 1e-12);
        assertRelative(Significance.normalUpperTail(5), 2.8665157187919391e-7, 1e-12);
        assertRelative(Significance.normalUpperTail(6), 9.8658764503769814e-10, 1e-12);
        assertRelative(Significance.normalUpperTail(8), 6.2209605742717841e-16, 1e-12);
        assertRelative(Significance.normalUpperTail(20), 2.7536241186062337e-89, 1e-12);
        assertRelative(Significance.normalUpperTail(-2), 0.97724986805182079, 1e-13);
        assertRelative(Significance.normalLowerTail(-5), 2.8665157187919391e-7, 1e-12);
        assertThat(Significance.normalUpperTail(40)).isZero();
        assertThat(Significance.normalUpperTail(-40)).isEqualTo(1.0);
    }

    @Test
    void normalTailIsContinuousWhereTheSeriesHandsOverToTheContinuedFraction() {
        double below = Significance.normalUpperTail(Math.nextDown(3.0));
        double at = Significance.normalUpperTail(3.0);
        assertRelative(below, at, 1e-12);
    }

    @Test
    void poissonTailsMatchTablesForSmallMeans() {
        assertRelative(Significance.poissonAtMost(3, 10), 0.010336050675925726, 1e-12);
        assertRelative(Significance.poissonAtLeast(20, 10), 0.0034543419758568334, 1e-12);
        assertRelative(Significance.poissonAtMost(15, 10), 0.9512595966960213, 1e-12);
        assertRelative(Significance.poissonAtLeast(5, 10), 0.9707473119230389, 1e-12);
        assertRelative(Significance.poissonAtLeast(4, 0.5), 0.001751622556290824, 1e-12);
        assertRelative(Significance.poissonAtMost(0, 10), Math.exp(-10), 1e-12);
    }

    @Test
    void poissonTailsStayExactWhereTermsWouldOverflowOrUnderflow() {
        assertRelative(Significance.poissonAtMost(900, 1000), 0.0006977673277963054, 1e-10);
        assertRelative(Significance.poissonAtLeast(1100, 1000), 0.0009626304058665587, 1e-10);
        assertRelative(Significance.poissonAtLeast(200, 100), 9.343150072988544e-19, 1e-10);
    }

    @Test
    void poissonTailsUseTheNormalApproximationForLargeMeans() {
        // exact 3.65992e-6; the continuity-corrected normal approximation gives 3.91281e-6
        assertRelative(Significance.poissonAtMost(49_000, 50_000), 3.912810910756086e-06, 1e-9);
    }

    @Test
    void poissonTailsHandleTheEdges() {
        assertThat(Significance.poissonAtMost(-1, 10)).isZero();
        assertThat(Significance.poissonAtLeast(0, 10)).isEqualTo(1.0);
        assertThat(Significance.poissonAtMost(0, 0)).isEqualTo(1.0);
        assertThat(Significance.poissonAtLeast(1, 0)).isZero();
        assertThatThrownBy(() -> Significance.poissonAtMost(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void binomialHalfTailsMatchHandCountsAndTables() {
        // C(20,0) + C(20,1) + ... + C(20,5) = 1 + 20 + 190 + 1140 + 4845 + 15504 = 21700 of 2^20 outcomes
        assertRelative(Significance.binomialHalfAtMost(5, 20), 21_700.0 / 1_048_576, 1e-13);
        assertRelative(Significance.binomialHalfAtLeast(15, 20), 21_700.0 / 1_048_576, 1e-13);
        assertRelative(Significance.binomialHalfAtMost(14, 20), 1 - 21_700.0 / 1_048_576, 1e-13);
        assertRelative(Significance.binomialHalfAtMost(450, 1000), 0.0008652680424881513, 1e-10);
        assertRelative(Significance.binomialHalfAtLeast(560, 1000), 8.252493527522643e-05, 1e-10);
        assertThat(Significance.binomialHalfAtMost(20, 20)).isEqualTo(1.0);
        assertThat(Significance.binomialHalfAtLeast(0, 20)).isEqualTo(1.0);
        assertThat(Significance.binomialHalfAtLeast(21, 20)).isZero();
    }

    @Test
    void binomialHalfTailsAreApproximatedOnlyInTheMiddleWhereNoThresholdLies() {
        assertThat(Significance.binomialHalfAtMost(240, 500)).isCloseTo(0.19775538571742923, offset(2e-4));
        assertThat(Significance.binomialHalfAtMost(260, 500)).isCloseTo(0.8261679103434926, offset(2e-4));
        assertRelative(Significance.binomialHalfAtMost(190, 500), 4.4814295049582217e-08, 1e-10);
    }

    @Test
    void binomialHalfTailsUseTheNormalApproximationForManyTrials() {
        // exact 0.0024418; the approximation errs on the cautious (larger) side
        double p = Significance.binomialHalfAtMost(2400, 5000);
        assertThat(p).isBetween(0.0024418, 0.0024418 * 1.02);
    }

    @Test
    void twoProportionZMatchesAHandCalculation() {
        // 45/100 against 60/100: pooled rate 105/200 = 0.525,
        // standard error sqrt(0.525 * 0.475 * (1/100 + 1/100)) = sqrt(0.0049875) = 0.0706222,
        // z = (0.45 - 0.60) / 0.0706222 = -2.12398, one-sided p = Phi(-2.12398) = 0.016836
        double z = Significance.twoProportionZ(45, 100, 60, 100);
        assertThat(z).isCloseTo(-2.12398, offset(1e-5));
        assertThat(Significance.normalLowerTail(z)).isCloseTo(0.016836, offset(1e-6));
        assertThat(Significance.twoProportionZ(60, 100, 45, 100)).isEqualTo(-z);
    }

    @Test
    void twoProportionZSeesNoDifferenceBetweenIdenticalAllOrNothingSamples() {
        assertThat(Significance.twoProportionZ(100, 100, 50, 50)).isZero();
        assertThat(Significance.twoProportionZ(0, 100, 0, 50)).isZero();
        assertThat(Significance.twoProportionZ(0, 0, 1, 50)).isNaN();
    }

    @Test
    void lnFactorialJoinsTheTableAndStirlingSeamlessly() {
        assertRelative(Significance.lnFactorial(1024), 6078.21188475005011, 1e-14);
        assertRelative(Significance.lnFactorial(1_000_000), 12_815_518.3846581696, 1e-14);
        assertThat(Significance.lnFactorial(0)).isZero();
        assertThat(Significance.lnFactorial(1)).isZero();
    }

    @Test
    void negativeBinomialTailsOfAGeometricCountAreExact() {
        // size 1 is the geometric distribution: with mean m, P(X >= c) = (m / (1 + m))^c
        double mean = 4;
        double variance = mean + mean * mean;
        for (long c : new long[] {1, 5, 20, 80}) {
            assertRelative(Significance.negativeBinomialAtLeast(c, mean, variance), Math.pow(0.8, c), 1e-9);
            assertRelative(Significance.negativeBinomialAtMost(c - 1, mean, variance), 1 - Math.pow(0.8, c), 1e-9);
        }
    }

    @Test
    void negativeBinomialTailsAreWiderThanPoissonAndEqualWithoutOverDispersion() {
        assertThat(Significance.negativeBinomialAtMost(60, 200, 200)).isEqualTo(Significance.poissonAtMost(60, 200));
        assertThat(Significance.negativeBinomialAtLeast(300, 200, 200))
                .isEqualTo(Significance.poissonAtLeast(300, 200));
        // a count of 120 where 200 is usual: p ~ 1e-9 for Poisson noise, ordinary when the variance is 10x the mean
        assertThat(Significance.poissonAtMost(120, 200)).isLessThan(1e-8);
        assertThat(Significance.negativeBinomialAtMost(120, 200, 2000)).isGreaterThan(0.02);
        assertThat(Significance.negativeBinomialAtMost(120, 200, 2000)
                        + Significance.negativeBinomialAtLeast(121, 200, 2000))
                .isCloseTo(1.0, offset(1e-12));
    }

    @Test
    void binomialTailsAgainstAKnownRateAreExact() {
        // 5 or fewer successes of 10 at p = 0.9: sum of C(10, k) 0.9^k 0.1^(10-k) for k <= 5 = 0.0016349374
        assertRelative(Significance.binomialAtMost(5, 10, 0.9), 0.0016349374, 1e-8);
        assertRelative(Significance.binomialAtLeast(6, 10, 0.9), 1 - 0.0016349374, 1e-9);
        // all 20 successes at p = 0.5
        assertRelative(Significance.binomialAtLeast(20, 20, 0.5), Math.pow(0.5, 20), 1e-12);
        assertThat(Significance.binomialAtMost(3, 10, 0.2) + Significance.binomialAtLeast(4, 10, 0.2))
                .isCloseTo(1.0, offset(1e-12));
    }

    @Test
    void lnGammaMatchesTheFactorials() {
        for (int n = 1; n < 200; n++) {
            double expected = Significance.lnFactorial(n);
            assertThat(Significance.lnGamma(n + 1)).isCloseTo(expected, offset(1e-13 * Math.max(1, expected)));
        }
        assertRelative(Significance.lnGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    }

    private static void assertRelative(double actual, double expected, double tolerance) {
        assertThat(Math.abs(actual - expected))
                .as("%s against %s", actual, expected)
                .isLessThanOrEqualTo(Math.abs(expected) * tolerance);
    }
}
