package io.vigil.tools.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random draws that give the same numbers on every JVM and CPU: {@link StrictMath} instead of {@link Math}, whose
 * intrinsics may round differently, and no {@code nextGaussian}, whose algorithm the JDK may change.
 */
final class Draw {

    private Draw() {}

    /** A standard normal number (Box-Muller). */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble(); // (0, 1], so the logarithm is finite
        double v = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
    }

    /** A log-normal factor with median 1. */
    static double lognormal(SplittableRandom r, double sigma) {
        return StrictMath.exp(sigma * gaussian(r));
    }

    /** A Poisson count with the given mean: exact for small means, the normal approximation for large ones. */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double limit = StrictMath.exp(-mean);
            double product = r.nextDouble();
            int n = 0;
            while (product > limit) {
                product *= r.nextDouble();
                n++;
            }
            return n;
        }
        return (int) Math.max(0, StrictMath.round(mean + StrictMath.sqrt(mean) * gaussian(r)));
    }

    /**
     * A gamma(shape, 1) draw (Marsaglia and Tsang's method; for a shape below 1, boosted by one and scaled back).
     * Multiplying a Poisson mean by {@code gamma(r) / r} gives a gamma-Poisson (negative binomial) count whose
     * variance is {@code mean + mean² / r}: real traffic's over-dispersion.
     */
    static double gamma(SplittableRandom r, double shape) {
        if (shape < 1) {
            return gamma(r, shape + 1) * StrictMath.pow(1.0 - r.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x = gaussian(r);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - r.nextDouble();
            if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
                return d * v;
            }
        }
    }

    static double between(SplittableRandom r, double low, double high) {
        return low + (high - low) * r.nextDouble();
    }

    /** An integer in {@code [low, high]}. */
    static int between(SplittableRandom r, int low, int high) {
        return low + r.nextInt(high - low + 1);
    }

    static long millisBetween(SplittableRandom r, long low, long high) {
        return low + r.nextLong(high - low + 1);
    }

    static boolean chance(SplittableRandom r, double probability) {
        return r.nextDouble() < probability;
    }

    static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** Index drawn by weight; the weights need not sum to 1. */
    static int weighted(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /**
     * SplitMix64's finaliser: turns a few numbers into a well-mixed seed. Customers are derived from it, so a customer
     * is the same whenever and how often it is drawn, and none has to be kept in memory.
     */
    static long mix(long... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (long v : values) {
            h ^= v;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
            h *= 0x94D049BB133111EBL;
            h ^= h >>> 29;
            h += 0x9E3779B97F4A7C15L;
        }
        return h;
    }
}
