package io.vigil.analytics.detect;

import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.MinuteDetector;
import io.vigil.analytics.api.Reference;
import io.vigil.analytics.api.Sample;
import io.vigil.analytics.api.SampleKind;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.analytics.api.Verdict;
import java.util.Objects;

/**
 * Decides whether the minute that just closed is an anomaly for one series of one monitor, by comparing it with the
 * previous minute, the same minute yesterday and the same minute last week.
 *
 * <p>It is built to raise few false alarms, because an alert that pages someone for nothing teaches people to ignore
 * alerts:
 *
 * <ul>
 *   <li><b>Volume guard.</b> A reference minute is used only when it had at least {@code minVolume} attempts (by
 *       default 30 events for a count, 50 attempts for a rate). A small partner going from 9 payments to 3 is noise,
 *       not news. A rate is also not tested when the current minute has fewer than a fifth of {@code minVolume}
 *       attempts: the z-test is unreliable on a handful of attempts, and a volume collapse is a count monitor's job.
 *   <li><b>Every reference must agree.</b> The minute is anomalous only when it deviates, in the monitored direction,
 *       from the previous minute and from each usable long reference (yesterday, last week). Traffic that falls every
 *       evening deviates from the previous minute only a little, and not at all from yesterday. Without a usable long
 *       reference the previous minute decides alone; without a usable previous minute nothing is flagged.
 *   <li><b>Significance and size.</b> Deviating means both a small p-value and a minimum relative change, set by the
 *       {@link Sensitivity}. The p-value keeps noise out on small series; the relative change keeps trivial changes
 *       out on huge series, where every difference is "significant".
 * </ul>
 *
 * <table>
 *   <caption>Sensitivity levels</caption>
 *   <tr><th>Sensitivity</th><th>p-value below</th><th>relative change at least</th></tr>
 *   <tr><td>LOW</td><td>1e-6</td><td>50%</td></tr>
 *   <tr><td>MEDIUM</td><td>1e-4</td><td>30%</td></tr>
 *   <tr><td>HIGH</td><td>1e-3</td><td>20%</td></tr>
 * </table>
 *
 * <p>The tests. Counts are compared with the exact conditional test for two Poisson counts: given that the current
 * count c and the reference count r add up to n, c ~ Binomial(n, 1/2) when both minutes share one rate. Unlike the
 * Poisson tail {@code P(X <= c | mean = r)}, it accounts for the reference minute being as noisy as the current
 * one; with the Poisson tail a smooth daily cycle of 40 to 200 events a minute raises about seven false alarms in two
 * days at MEDIUM, with this test one such run in nine raises one. Rates are compared with the pooled two-proportion
 * z-test. A rate's relative change is measured on its rarer outcome, min(rate, 1 - rate), so that a success rate
 * falling from 98% to 96% counts as failures doubling (+100%) rather than as a 2% change. With {@link Direction#BOTH}
 * each test looks at the side of the previous minute the current value is on, and its one-sided p-value is doubled.
 *
 * <p>Instances are immutable and thread-safe. {@link #evaluate} allocates nothing but its {@link Verdict}.
 */
public final class SeriesDetector implements MinuteDetector {

    private final SampleKind kind;
    private final Direction direction;
    private final Sensitivity sensitivity;
    private final long minVolume;
    private final long minCurrentAttempts;
    private final double maxPValue;
    private final double minRelativeChange;

    /** A detector with the kind's {@link SampleKind#defaultMinVolume() default volume guard}. */
    public SeriesDetector(SampleKind kind, Direction direction, Sensitivity sensitivity) {
        this(kind, direction, sensitivity, kind.defaultMinVolume());
    }

    /**
     * A detector.
     *
     * @param minVolume the least attempts (for a count, events) a reference minute needs to be compared with; at
     *     least 1
     */
    public SeriesDetector(SampleKind kind, Direction direction, Sensitivity sensitivity, long minVolume) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.sensitivity = Objects.requireNonNull(sensitivity, "sensitivity");
        if (minVolume < 1) {
            throw new IllegalArgumentException("minVolume must be at least 1, got " + minVolume);
        }
        this.minVolume = minVolume;
        this.minCurrentAttempts = Math.max(1, (minVolume + 4) / 5);
        this.maxPValue = maxPValue(sensitivity);
        this.minRelativeChange = minRelativeChange(sensitivity);
    }

    /** The p-value a deviation must stay below at this sensitivity. */
    public static double maxPValue(Sensitivity sensitivity) {
        return switch (sensitivity) {
            case LOW -> 1e-6;
            case MEDIUM -> 1e-4;
            case HIGH -> 1e-3;
        };
    }

    /** The relative change (0.3 = 30%) a deviation must reach at this sensitivity. */
    public static double minRelativeChange(Sensitivity sensitivity) {
        return switch (sensitivity) {
            case LOW -> 0.5;
            case MEDIUM -> 0.3;
            case HIGH -> 0.2;
        };
    }

    public SampleKind kind() {
        return kind;
    }

    public Direction direction() {
        return direction;
    }

    public Sensitivity sensitivity() {
        return sensitivity;
    }

    public long minVolume() {
        return minVolume;
    }

    /**
     * Judges the minute that just closed against its references. Pass {@link Sample#NONE} for a reference minute
     * without data, and {@code Sample.count(0)}, not {@code NONE}, for a current minute without events: {@code NONE}
     * as the current minute means it is unknown, and is never anomalous.
     */
    @Override
    public Verdict evaluate(Sample current, Sample previous, Sample yesterday, Sample lastWeek) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(yesterday, "yesterday");
        Objects.requireNonNull(lastWeek, "lastWeek");
        double value = kind.valueOf(current);
        long volume = current.isNone() ? 0 : current.attempts();
        if (!testable(current) || !usable(previous)) {
            return Verdict.inconclusive(value, volume);
        }
        double previousValue = kind.valueOf(previous);
        boolean drop = testsDrop(value, previousValue);

        double pValue = pValue(current, previous, drop);
        boolean anomalous = deviates(pValue, value, previousValue, drop);
        double expected = previousValue;
        Reference reference = Reference.PREVIOUS_MINUTE;

        if (usable(yesterday)) {
            double p = pValue(current, yesterday, drop);
            double yesterdayValue = kind.valueOf(yesterday);
            anomalous &= deviates(p, value, yesterdayValue, drop);
            pValue = Math.max(pValue, p);
            if (Math.abs(value - yesterdayValue) < Math.abs(value - expected)) {
                expected = yesterdayValue;
                reference = Reference.YESTERDAY;
            }
        }
        if (usable(lastWeek)) {
            double p = pValue(current, lastWeek, drop);
            double lastWeekValue = kind.valueOf(lastWeek);
            anomalous &= deviates(p, value, lastWeekValue, drop);
            pValue = Math.max(pValue, p);
            if (Math.abs(value - lastWeekValue) < Math.abs(value - expected)) {
                expected = lastWeekValue;
                reference = Reference.LAST_WEEK;
            }
        }
        Direction observed = value < expected ? Direction.DROP : value > expected ? Direction.SPIKE : null;
        return new Verdict(anomalous, observed, value, expected, reference, pValue, Verdict.score(pValue), volume);
    }

    /**
     * Whether {@code current} still deviates from {@code baseline} by this detector's test, guards and thresholds:
     * what an open alert checks against the reference recorded when it fired, resolving itself once this is false.
     * False when either sample is too small to test.
     */
    public boolean deviates(Sample current, Sample baseline) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(baseline, "baseline");
        if (!testable(current) || !usable(baseline)) {
            return false;
        }
        double value = kind.valueOf(current);
        double baselineValue = kind.valueOf(baseline);
        boolean drop = testsDrop(value, baselineValue);
        return deviates(pValue(current, baseline, drop), value, baselineValue, drop);
    }

    /** Whether a reference minute has the volume to be compared with. */
    public boolean usable(Sample reference) {
        return !reference.isNone() && reference.attempts() >= minVolume;
    }

    private boolean testable(Sample current) {
        if (current.isNone()) {
            return false;
        }
        return kind == SampleKind.COUNT || current.attempts() >= minCurrentAttempts;
    }

    /** Which side to test: the monitored one, or for BOTH the side of the reference the value is on. */
    private boolean testsDrop(double value, double referenceValue) {
        return switch (direction) {
            case DROP -> true;
            case SPIKE -> false;
            case BOTH -> value <= referenceValue;
        };
    }

    /** The one-sided p-value of the current minute against a reference on the tested side, doubled for BOTH. */
    private double pValue(Sample current, Sample reference, boolean drop) {
        double p;
        if (kind == SampleKind.COUNT) {
            long c = current.attempts();
            long n = c + reference.attempts();
            p = drop ? Significance.binomialHalfAtMost(c, n) : Significance.binomialHalfAtLeast(c, n);
        } else {
            double z = Significance.twoProportionZ(
                    current.successes(), current.attempts(), reference.successes(), reference.attempts());
            p = drop ? Significance.normalLowerTail(z) : Significance.normalUpperTail(z);
        }
        return direction == Direction.BOTH ? Math.min(1.0, 2 * p) : p;
    }

    private boolean deviates(double pValue, double value, double referenceValue, boolean drop) {
        return pValue < maxPValue && relativeChange(value, referenceValue, drop) >= minRelativeChange;
    }

    /** The change towards the tested side, relative to the reference (for a rate, to its rarer outcome); 0 if none. */
    private double relativeChange(double value, double referenceValue, boolean drop) {
        double change = drop ? referenceValue - value : value - referenceValue;
        if (!(change > 0)) {
            return 0.0;
        }
        double base = kind == SampleKind.COUNT ? referenceValue : Math.min(referenceValue, 1 - referenceValue);
        return base > 0 ? change / base : Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
        return "SeriesDetector[" + kind + ", " + direction.wireName() + ", " + sensitivity.wireName() + ", minVolume "
                + minVolume + "]";
    }
}
