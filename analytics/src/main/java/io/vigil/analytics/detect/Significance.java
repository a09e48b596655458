package io.vigil.analytics.detect;

/**
 * The tail probabilities the detectors need, written out here rather than taken from a statistics library because
 * they run once per series per minute for up to a million series: they allocate nothing, take no locks and stay
 * accurate far into the tails, where alerting thresholds live (p-values of 1e-6 and below), instead of only to an
 * absolute 1e-7 as the short textbook approximations do.
 *
 * <p>Exact sums are done relative to their largest term, with that term's logarithm computed once, so nothing
 * overflows or underflows on the way; beyond a size where the sum would get long, the normal approximation with a
 * continuity correction takes over (see each method for where and how far off it is).
 */
public final class Significance {

    /** Poisson tails are summed exactly up to this mean, at most about 9 * sqrt(mean) = 900 terms. */
    static final double POISSON_EXACT_MAX_MEAN = 10_000;

    /** Binomial tails are summed exactly, whatever the value, up to this many trials: at most about 60 terms. */
    static final long BINOMIAL_EXACT_MIDDLE_MAX_TRIALS = 200;

    /** Beyond this many trials binomial tails always use the normal approximation. */
    static final long BINOMIAL_EXACT_MAX_TRIALS = 1_000;

    private static final double LN_2 = Math.log(2);
    private static final double LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    /** Relative size below which a further term no longer changes a sum. */
    private static final double NEGLIGIBLE = 1e-16;

    /** ln(n!) for small n, summed once; Stirling's series above. */
    private static final double[] LN_FACTORIAL = new double[1024];

    /** 1 / (2n + 3): the series for the normal tail then multiplies instead of dividing. */
    private static final double[] INV_ODD = new double[64];

    static {
        for (int n = 2; n < LN_FACTORIAL.length; n++) {
            LN_FACTORIAL[n] = LN_FACTORIAL[n - 1] + Math.log(n);
        }
        for (int n = 0; n < INV_ODD.length; n++) {
            INV_ODD[n] = 1.0 / (2 * n + 3);
        }
    }

    private Significance() {}

    /**
     * {@code P(Z >= z)} for a standard normal Z, with a relative error below 1e-12 across the whole range (it is 0 only
     * beyond z = 38.5, where the true value underflows a double).
     */
    public static double normalUpperTail(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (z < 0) {
            return z > -3 ? 0.5 + centralArea(-z) : 1 - farTail(-z);
        }
        return z < 3 ? 0.5 - centralArea(z) : farTail(z);
    }

    /** {@code P(Z <= z)} for a standard normal Z, as accurate as {@link #normalUpperTail}. */
    public static double normalLowerTail(double z) {
        return normalUpperTail(-z);
    }

    /**
     * {@code P(0 <= Z <= x)} for {@code 0 <= x < 3} from the series phi(x) * (x + x^3/3 + x^5/(3*5) + ...), whose
     * terms are all positive; at x = 3 it takes 31 terms.
     */
    private static double centralArea(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 0; n < INV_ODD.length && term > sum * NEGLIGIBLE; n++) {
            term *= x2 * INV_ODD[n];
            sum += term;
        }
        return density(x) * sum;
    }

    /**
     * {@code P(Z >= x)} for {@code x >= 3} from Laplace's continued fraction phi(x) / (x + 1/(x + 2/(x + 3/(x +
     * ...)))), evaluated from the inside out at a depth that reaches a relative error of about 1e-14 (40 levels at x =
     * 3, fewer further out, where it converges faster).
     */
    private static double farTail(double x) {
        if (x > 38.5) {
            return 0.0;
        }
        int depth = x < 4 ? 40 : x < 6 ? 24 : 12;
        double fraction = x;
        for (int k = depth; k >= 1; k--) {
            fraction = x + k / fraction;
        }
        return density(x) / fraction;
    }

    private static double density(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /**
     * {@code P(X <= c)} for X ~ Poisson(mean): how unlikely a count this low is when {@code mean} is known. Exact up
     * to a mean of 10,000, then the normal approximation with continuity correction, {@code Phi((c + 0.5 - mean) /
     * sqrt(mean))}, which just above that mean overstates a lower tail of 1e-6 by about 20% (a Poisson's lower tail
     * is thinner than the normal's).
     *
     * <p>Only for a mean known far better than one minute's count tells it, e.g. an average over many minutes or a
     * forecast. Two single minutes are both noisy; compare them with {@link #binomialHalfAtMost} instead, as
     * {@link SeriesDetector} does.
     */
    public static double poissonAtMost(long c, double mean) {
        checkMean(mean);
        if (c < 0) {
            return 0.0;
        }
        if (mean == 0) {
            return 1.0;
        }
        if (mean > POISSON_EXACT_MAX_MEAN) {
            return normalLowerTail((c + 0.5 - mean) / Math.sqrt(mean));
        }
        if (c < mean) {
            return poissonBelowMean(c, mean);
        }
        return 1 - poissonAboveMean(c + 1, mean);
    }

    /**
     * {@code P(X >= c)} for X ~ Poisson(mean): how unlikely a count this high is when {@code mean} is known. Exact
     * up to a mean of 10,000, then {@code Q((c - 0.5 - mean) / sqrt(mean))}, which just above that mean understates
     * an upper tail of 1e-6 by about 16% (a Poisson's upper tail is heavier than the normal's).
     */
    public static double poissonAtLeast(long c, double mean) {
        checkMean(mean);
        if (c <= 0) {
            return 1.0;
        }
        if (mean == 0) {
            return 0.0;
        }
        if (mean > POISSON_EXACT_MAX_MEAN) {
            return normalUpperTail((c - 0.5 - mean) / Math.sqrt(mean));
        }
        if (c > mean) {
            return poissonAboveMean(c, mean);
        }
        return 1 - poissonBelowMean(c - 1, mean);
    }

    private static void checkMean(double mean) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("a Poisson mean must be finite and >= 0, got " + mean);
        }
    }

    /**
     * {@code P(X <= c)} for {@code 0 <= c < mean}: terms grow up to k = c, so sum from c downwards, relative to the
     * term at c.
     */
    private static double poissonBelowMean(long c, double mean) {
        double inverseMean = 1 / mean;
        double term = 1.0;
        double sum = 1.0;
        for (long k = c; k >= 1 && term > sum * NEGLIGIBLE; k--) {
            term *= k * inverseMean;
            sum += term;
        }
        return Math.exp(lnPoisson(c, mean)) * sum;
    }

    /** {@code P(X >= c)} for {@code c > mean}: terms shrink from k = c on, so sum upwards, relative to that term. */
    private static double poissonAboveMean(long c, double mean) {
        double term = 1.0;
        double sum = 1.0;
        for (long k = c + 1; term > sum * NEGLIGIBLE; k++) {
            term *= mean / k;
            sum += term;
        }
        return Math.exp(lnPoisson(c, mean)) * sum;
    }

    private static double lnPoisson(long k, double mean) {
        return k * Math.log(mean) - mean - lnFactorial(k);
    }

    /**
     * {@code P(X <= k)} for X ~ Binomial(n, 1/2). This is the exact test of whether two Poisson counts share one
     * rate: given that counts a and b add up to n, a ~ Binomial(n, 1/2) if they do, whatever the rate.
     *
     * <p>Summed exactly up to 200 trials, and up to 1,000 trials in the tail below z = -2.5 (p under about 0.006),
     * where alerting thresholds are. Elsewhere the normal approximation with continuity correction, {@code Phi((k +
     * 0.5 - n/2) / (sqrt(n)/2))}: near the middle it is within 0.00014 of the exact value, and beyond 1,000 trials
     * it is within 6% down to p = 1e-7, erring on the large (cautious) side. The middle is where most minutes are,
     * and where an exact sum would be longest, so this keeps a detector's evaluation within its time budget without
     * touching a decision.
     */
    public static double binomialHalfAtMost(long k, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("trials must be >= 0, got " + n);
        }
        if (k < 0) {
            return 0.0;
        }
        if (k >= n) {
            return 1.0;
        }
        if (n > BINOMIAL_EXACT_MIDDLE_MAX_TRIALS) {
            double z = (k + 0.5 - 0.5 * n) / (0.5 * Math.sqrt(n));
            if (n > BINOMIAL_EXACT_MAX_TRIALS || z > -2.5) {
                return normalLowerTail(z);
            }
        }
        // symmetry: P(X <= k) = 1 - P(X >= k + 1) = 1 - P(X <= n - k - 1), so only the lower half is ever summed
        return 2 * k < n ? binomialHalfLowerHalf(k, n) : 1 - binomialHalfLowerHalf(n - k - 1, n);
    }

    /** {@code P(X >= k)} for X ~ Binomial(n, 1/2), as {@link #binomialHalfAtMost}; by symmetry, that of n - k. */
    public static double binomialHalfAtLeast(long k, long n) {
        return binomialHalfAtMost(n - k, n);
    }

    /** {@code P(X <= k)} for {@code 2k < n}: terms grow up to k, so sum from k downwards, relative to the term at k. */
    private static double binomialHalfLowerHalf(long k, long n) {
        double term = 1.0;
        double sum = 1.0;
        for (long j = k; j >= 1 && term > sum * NEGLIGIBLE; j--) {
            term *= (double) j / (n - j + 1);
            sum += term;
        }
        double lnTerm = lnFactorial(n) - lnFactorial(k) - lnFactorial(n - k) - n * LN_2;
        return Math.exp(lnTerm) * sum;
    }

    /**
     * The pooled two-proportion z statistic for s1 successes out of n1 against s2 out of n2: positive when the first
     * rate is the higher. Under the hypothesis of one common rate, it is approximately standard normal once each
     * sample has a few successes and failures. It is 0 when both samples are all successes or all failures (no
     * difference to see) and NaN when either sample is empty.
     */
    public static double twoProportionZ(long s1, long n1, long s2, long n2) {
        if (n1 <= 0 || n2 <= 0) {
            return Double.NaN;
        }
        double pooled = (double) (s1 + s2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
        if (!(variance > 0)) {
            return 0.0;
        }
        return ((double) s1 / n1 - (double) s2 / n2) / Math.sqrt(variance);
    }

    /**
     * {@code P(X <= c)} for a count X with the given mean and variance: negative binomial (gamma-Poisson) when the
     * variance exceeds the mean, Poisson otherwise. This is the tail of an over-dispersed count, where the variance
     * is estimated from the series' own history. Summed exactly below the mean (at most c + 1 terms); the normal
     * approximation with continuity correction when the mean is above 10,000.
     */
    public static double negativeBinomialAtMost(long c, double mean, double variance) {
        checkMean(mean);
        if (c < 0) {
            return 0.0;
        }
        if (!(variance > mean * (1 + 1e-9)) || mean == 0) {
            return poissonAtMost(c, mean);
        }
        if (mean > POISSON_EXACT_MAX_MEAN) {
            return normalLowerTail((c + 0.5 - mean) / Math.sqrt(variance));
        }
        if (c >= mean) {
            return 1 - negativeBinomialAtLeast(c + 1, mean, variance);
        }
        double r = mean * mean / (variance - mean);
        double q = mean / (mean + r);
        // terms grow up to the mode, which is above c: sum from c down, relative to the term at c
        double term = 1.0;
        double sum = 1.0;
        for (long k = c; k >= 1 && term > sum * NEGLIGIBLE; k--) {
            term *= k / ((k - 1 + r) * q);
            sum += term;
        }
        return Math.min(1.0, Math.exp(lnNegativeBinomial(c, r, q)) * sum);
    }

    /** {@code P(X >= c)} for a count X with the given mean and variance, as {@link #negativeBinomialAtMost}. */
    public static double negativeBinomialAtLeast(long c, double mean, double variance) {
        checkMean(mean);
        if (c <= 0) {
            return 1.0;
        }
        if (!(variance > mean * (1 + 1e-9)) || mean == 0) {
            return poissonAtLeast(c, mean);
        }
        if (mean > POISSON_EXACT_MAX_MEAN) {
            return normalUpperTail((c - 0.5 - mean) / Math.sqrt(variance));
        }
        double r = mean * mean / (variance - mean);
        double q = mean / (mean + r);
        double mode = r > 1 ? (r - 1) * q / (1 - q) : 0;
        if (c <= mode + 1) {
            return 1 - negativeBinomialAtMost(c - 1, mean, variance);
        }
        // terms shrink from c on (at least by the factor q): sum upwards, relative to the term at c
        double term = 1.0;
        double sum = 1.0;
        for (long k = c; term > sum * NEGLIGIBLE && k < c + 1_000_000; k++) {
            term *= (k + r) * q / (k + 1);
            sum += term;
        }
        return Math.min(1.0, Math.exp(lnNegativeBinomial(c, r, q)) * sum);
    }

    /** ln P(X = k) for the negative binomial with size r and success probability q (mean r q / (1 - q)). */
    private static double lnNegativeBinomial(long k, double r, double q) {
        return lnGamma(k + r) - lnGamma(r) - lnFactorial(k) + r * Math.log1p(-q) + k * Math.log(q);
    }

    private static final double[] LANCZOS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };

    /** ln Γ(x) for x > 0, by Lanczos' approximation (g = 7), accurate to about 1e-15 relative. */
    static double lnGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
        }
        double y = x - 1;
        double a = LANCZOS[0];
        double t = y + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (y + i);
        }
        return LN_SQRT_2PI + (y + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /**
     * {@code P(X <= k)} for X ~ Binomial(n, p), for a count of successes against a rate known from history. Summed
     * exactly up to 2,000 trials (from k towards the far end of the tail, relative to the term at k); beyond, the
     * normal approximation with continuity correction. Unlike the normal approximation on a few dozen trials, the
     * exact sum does not overstate the evidence of a low count far in the tail (5 of 10 at p = 0.9 is P = 0.0016, not
     * the 1e-5 a z-test gives).
     */
    public static double binomialAtMost(long k, long n, double p) {
        if (k < 0) {
            return 0.0;
        }
        if (k >= n || p <= 0) {
            return 1.0;
        }
        if (p >= 1) {
            return 0.0;
        }
        if (n > 2_000) {
            return normalLowerTail((k + 0.5 - n * p) / Math.sqrt(n * p * (1 - p)));
        }
        if (k > n * p) {
            return 1 - binomialAtLeast(k + 1, n, p);
        }
        double ratio = (1 - p) / p;
        double term = 1.0;
        double sum = 1.0;
        for (long j = k; j >= 1 && term > sum * NEGLIGIBLE; j--) {
            term *= j / ((n - j + 1) * 1.0) * ratio;
            sum += term;
        }
        return Math.min(1.0, Math.exp(lnBinomial(k, n, p)) * sum);
    }

    /** {@code P(X >= k)} for X ~ Binomial(n, p), as {@link #binomialAtMost}. */
    public static double binomialAtLeast(long k, long n, double p) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > n || p <= 0) {
            return 0.0;
        }
        if (p >= 1) {
            return 1.0;
        }
        if (n > 2_000) {
            return normalUpperTail((k - 0.5 - n * p) / Math.sqrt(n * p * (1 - p)));
        }
        if (k < n * p) {
            return 1 - binomialAtMost(k - 1, n, p);
        }
        double ratio = p / (1 - p);
        double term = 1.0;
        double sum = 1.0;
        for (long j = k; j < n && term > sum * NEGLIGIBLE; j++) {
            term *= (n - j) / ((j + 1) * 1.0) * ratio;
            sum += term;
        }
        return Math.min(1.0, Math.exp(lnBinomial(k, n, p)) * sum);
    }

    private static double lnBinomial(long k, long n, double p) {
        return lnFactorial(n) - lnFactorial(k) - lnFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
    }

    /** ln(n!): from a table up to 1023, then Stirling's series, whose next term is below 1e-24 there. */
    static double lnFactorial(long n) {
        if (n < LN_FACTORIAL.length) {
            return LN_FACTORIAL[(int) n];
        }
        double x = n;
        double inverse = 1 / x;
        double inverse2 = inverse * inverse;
        double correction = inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 / 1260));
        return x * Math.log(x) - x + 0.5 * Math.log(x) + LN_SQRT_2PI + correction;
    }
}
