package io.vigil.analytics.detect;

import io.vigil.analytics.api.BaselineDetector;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.Sample;
import io.vigil.analytics.api.SampleKind;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.analytics.api.Verdict;
import java.util.Random;

/** Made-up traffic for the detector tests: over-dispersed counts with a daily cycle, and replays of detectors. */
final class Traffic {

    static final int DAY = 24 * 60;

    private Traffic() {}

    /** Mean at a minute of a daily cycle between {@code low} and {@code high}, highest at noon. */
    static double cycle(int minute, double low, double high) {
        double phase = Math.cos(2 * Math.PI * ((minute % DAY) - DAY / 2.0) / DAY);
        return low + (high - low) * (0.5 + 0.5 * phase);
    }

    /**
     * A gamma-Poisson (negative binomial) draw with the given mean and size {@code r}: variance mean + mean² / r, so
     * the smaller r, the more over-dispersed; r infinite is Poisson.
     */
    static long draw(Random random, double mean, double r) {
        double rate = Double.isInfinite(r) ? mean : gamma(random, r) * mean / r;
        return poisson(random, rate);
    }

    /** Knuth's multiplication method up to a mean of 700, the normal approximation above. */
    static long poisson(Random random, double mean) {
        if (mean > 700) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Marsaglia and Tsang's gamma(shape, 1) draw. */
    static double gamma(Random random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** {@code days} days of counts of a daily cycle between low and high, over-dispersed with size r. */
    static long[] counts(long seed, int days, double low, double high, double r) {
        Random random = new Random(seed);
        long[] counts = new long[days * DAY];
        for (int m = 0; m < counts.length; m++) {
            counts[m] = draw(random, cycle(m, low, high), r);
        }
        return counts;
    }

    /**
     * The counts with minutes [from, to) drawn again, Poisson, at {@code factor} times the cycle between low and high:
     * an incident.
     */
    static long[] scaled(long[] counts, double low, double high, int from, int to, double factor) {
        Random random = new Random(from * 31L + to);
        for (int m = from; m < to; m++) {
            counts[m] = poisson(random, factor * cycle(m, low, high));
        }
        return counts;
    }

    static BaselineDetector seasonal(Direction direction, Sensitivity sensitivity) {
        return BaselineDetector.of(SampleKind.COUNT, direction, sensitivity, null);
    }

    static SeriesDetector legacy(Direction direction, Sensitivity sensitivity) {
        return new SeriesDetector(SampleKind.COUNT, direction, sensitivity);
    }

    private static Sample at(long[] counts, long m) {
        return m >= 0 && m < counts.length ? Sample.count(counts[(int) m]) : Sample.NONE;
    }

    /** The new detector's verdicts for minutes [from, to). */
    static Verdict[] replay(BaselineDetector detector, long[] counts, int from, int to) {
        Verdict[] verdicts = new Verdict[to - from];
        for (int m = from; m < to; m++) {
            verdicts[m - from] = detector.evaluateAt(i -> at(counts, i), m);
        }
        return verdicts;
    }

    /** Today's detector's verdicts for minutes [from, to): previous minute, yesterday, last week. */
    static Verdict[] replay(SeriesDetector detector, long[] counts, int from, int to) {
        Verdict[] verdicts = new Verdict[to - from];
        for (int m = from; m < to; m++) {
            verdicts[m - from] =
                    detector.evaluate(at(counts, m), at(counts, m - 1), at(counts, m - DAY), at(counts, m - 7 * DAY));
        }
        return verdicts;
    }

    /** How many alerts the verdicts raise: runs of anomalous minutes, as an open alert absorbs repeats. */
    static int alerts(Verdict[] verdicts) {
        int alerts = 0;
        boolean open = false;
        for (Verdict v : verdicts) {
            if (v.anomalous() && !open) {
                alerts++;
            }
            open = v.anomalous();
        }
        return alerts;
    }

    static int anomalousMinutes(Verdict[] verdicts) {
        int n = 0;
        for (Verdict v : verdicts) {
            n += v.anomalous() ? 1 : 0;
        }
        return n;
    }
}
