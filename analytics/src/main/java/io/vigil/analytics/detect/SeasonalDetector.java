package io.vigil.analytics.detect;

import io.vigil.analytics.api.BaselineDetector;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.Grain;
import io.vigil.analytics.api.HistoryPlan;
import io.vigil.analytics.api.Reference;
import io.vigil.analytics.api.SampleKind;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.analytics.api.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Judges a closing minute against a <b>baseline</b> built from many samples of the series' own history, instead of
 * against single reference minutes.
 *
 * <ul>
 *   <li><b>The baseline.</b> The samples are the same minute and the {@code halfWindow} minutes either side of it on
 *       the history days of the {@link HistoryPlan}: the same weekday of the last four weeks once the series has a
 *       week of history; before that, the last three days and the minutes just before the judged ones. Samples further than five robust deviations from their
 *       median (a past outage, a spike) are left out; the expected value is the mean of the rest.
 *   <li><b>The spread comes from the history too.</b> For a count, the variance of the samples, at least the mean
 *       (Poisson), is the variance of a negative binomial (gamma-Poisson) whose tails give the p-value: real counts
 *       vary far more than Poisson noise, and a Poisson test calls that wobble significant. For a rate, the Pearson
 *       dispersion of the samples' successes (quasi-binomial, at least 1) and the day-to-day variance of the rate
 *       widen the binomial variance, and an exact binomial tail on the attempts shrunk by that ratio gives the
 *       p-value (a z-test overstates the evidence of a few dozen attempts by orders of magnitude). Both are
 *       widened further for the uncertainty of a baseline made of few samples.
 *   <li><b>Persistence.</b> An alert needs the last {@code persistence} minutes all to deviate on the same side, each
 *       with a p-value below the sensitivity's per-minute level, or the current minute alone to be extreme. A single
 *       burst is not an incident; an outage is caught on its {@code persistence}-th minute, a collapse at once.
 *   <li><b>The previous minute never decides.</b> It is only one of the persistence minutes, judged against the
 *       same baseline. So a recovery after a spike, which returns to the baseline, is not a drop, and a level shift
 *       is judged against the seasonal baseline whatever the minutes before it did.
 *   <li><b>Size.</b> As before, a deviation must also reach the sensitivity's relative change (a rate's on its rarer
 *       outcome), so huge series do not alert on trivial changes.
 *   <li><b>Quiet series are tested.</b> The volume guard ({@code minVolume}) applies to the baseline's samples
 *       together, not to one minute: a series of 2 events a minute has a baseline of about 40 events and is judged,
 *       with tails exact for small counts.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SeasonalDetector implements BaselineDetector {

    /** Samples further than this many robust deviations from the median are left out of the baseline. */
    static final double OUTLIER_DEVIATIONS = 5;

    private final SampleKind kind;
    private final Direction direction;
    private final Sensitivity sensitivity;
    private final long minVolume;
    private final long minCurrentAttempts;
    private final HistoryPlan plan;
    private final double windowPValue;
    private final double extremePValue;
    private final double minRelativeChange;
    private final int[] weekly;
    private final int[] daily;
    private final Grain grain;

    /** A detector of minutes. */
    public SeasonalDetector(
            SampleKind kind, Direction direction, Sensitivity sensitivity, long minVolume, HistoryPlan plan) {
        this(kind, direction, sensitivity, minVolume, plan, Grain.MINUTE);
    }

    /**
     * A detector of samples of {@code grain} (sums of its minutes), reading the samples {@code plan} names in that
     * grain's units ({@link HistoryPlan#offsets(Grain)}).
     */
    public SeasonalDetector(
            SampleKind kind,
            Direction direction,
            Sensitivity sensitivity,
            long minVolume,
            HistoryPlan plan,
            Grain grain) {
        this.grain = Objects.requireNonNull(grain, "grain");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.sensitivity = Objects.requireNonNull(sensitivity, "sensitivity");
        this.plan = Objects.requireNonNull(plan, "plan");
        if (minVolume < 1) {
            throw new IllegalArgumentException("minVolume must be at least 1, got " + minVolume);
        }
        this.minVolume = minVolume;
        this.minCurrentAttempts = Math.max(1, (kind.defaultMinVolume() + 4) / 5);
        this.windowPValue = windowPValue(sensitivity) * grainLevel(grain);
        this.extremePValue = extremePValue(sensitivity) * grainLevel(grain);
        this.minRelativeChange = SeriesDetector.minRelativeChange(sensitivity);
        List<Integer> days = plan.days();
        this.weekly = indexes(days, true);
        this.daily = indexes(days, false);
    }

    private static int[] indexes(List<Integer> days, boolean weeks) {
        return java.util.stream.IntStream.range(0, days.size())
                .filter(i -> (days.get(i) % 7 == 0) == weeks)
                .toArray();
    }

    /** The one-sided p-value the last {@code persistence} minutes together must stay below. */
    public static double windowPValue(Sensitivity sensitivity) {
        return switch (sensitivity) {
            case LOW -> 1e-7;
            case MEDIUM -> 1e-6;
            case HIGH -> 1e-5;
        };
    }

    /**
     * How much higher a coarser grain's p-value levels are than the minute's. A series is tested 1,440 times a day at
     * minute grain and once at day grain, so the same per-day budget of false alarms would allow a day's test a level
     * 1,440 times the minute's; the coarser grains get a small part of that (10 for the hour, 100 for the day) so that
     * all four together stay within the minute grain's budget, and the five minutes none.
     */
    public static double grainLevel(Grain grain) {
        return switch (grain) {
            case MINUTE, FIVE_MINUTES -> 1;
            case HOUR -> 10;
            case DAY -> 100;
        };
    }

    /** The one-sided p-value below which one minute alone raises an alert. */
    public static double extremePValue(Sensitivity sensitivity) {
        return switch (sensitivity) {
            case LOW -> 1e-9;
            case MEDIUM -> 1e-7;
            case HIGH -> 1e-6;
        };
    }

    @Override
    public HistoryPlan plan() {
        return plan;
    }

    @Override
    public Grain grain() {
        return grain;
    }

    @Override
    public BaselineDetector atGrain(Grain other) {
        if (other == grain) {
            return this;
        }
        return new SeasonalDetector(kind, direction, sensitivity, minVolume, HistoryPlan.forGrain(other), other);
    }

    /**
     * What the history says a minute should look like.
     *
     * @param expected the mean count, or the pooled rate
     * @param within for a count the variance of a minute around its day's level; for a rate the Pearson dispersion
     *     (1 = binomial)
     * @param between the variance of the level from one day to another (of a count per minute, or of a rate)
     * @param total the attempts of the samples kept
     * @param samples how many samples were kept
     * @param days how many days (the recent minutes counting as one) the samples came from
     */
    record Baseline(double expected, double within, double between, double total, int samples, int days) {

        /**
         * Widening for a baseline made of few samples: its mean is an estimate (1 + 1/n), and so is its spread, from
         * n - days degrees of freedom (1 + 4/df: with 4 degrees of freedom a variance is often half its true value).
         */
        double widening() {
            return (1 + 1.0 / samples) * spreadWidening();
        }

        /**
         * The part of {@link #widening()} for the spread alone. With one sample a day (an hour or a day grain) nothing
         * is estimated within days (the within variance is the count's own, Poisson's); the spread is then the
         * day-to-day variance, from {@code days - 1} degrees of freedom and the prior's {@link #PRIOR_DAYS}.
         */
        double spreadWidening() {
            double df = samples > days ? samples - days : days - 1 + PRIOR_DAYS;
            return 1 + 4.0 / Math.max(1, df);
        }
    }

    @Override
    public Verdict evaluate(long[] successes, long[] attempts) {
        return judge(successes, attempts).withGrain(grain);
    }

    private Verdict judge(long[] successes, long[] attempts) {
        check(successes, attempts);
        double value = value(successes[0], attempts[0]);
        long volume = Math.max(0, attempts[0]);
        Baseline baseline = baseline(successes, attempts);
        if (baseline == null || !testable(attempts[0])) {
            return Verdict.inconclusive(value, volume);
        }
        double expected = baseline.expected();
        boolean drop = switch (direction) {
            case DROP -> true;
            case SPIKE -> false;
            case BOTH -> value <= expected;
        };
        double pValue = pValue(successes[0], attempts[0], 1, baseline, drop);
        boolean anomalous = pValue < extremePValue
                && relativeChange(value, expected, drop) >= minRelativeChange
                && (plan.persistence() == 1
                        || (drop && relativeChange(value, expected, true) >= COLLAPSE)
                        || extreme(successes[1], attempts[1], baseline, drop));
        if (!anomalous && plan.persistence() > 1) {
            // the last `persistence` minutes as one: each clearly on the tested side (half the relative change),
            // together
            // significant and large enough
            long s = 0;
            long a = 0;
            boolean sameSide = true;
            for (int i = 0; i < plan.persistence() && sameSide; i++) {
                double v = value(successes[i], attempts[i]);
                sameSide = testable(attempts[i])
                        && relativeChange(v, expected, drop) >= minRelativeChange / 2
                        && pValue(successes[i], attempts[i], 1, baseline, drop) < EACH_MINUTE;
                s += successes[i];
                a += Math.max(0, attempts[i]);
            }
            if (sameSide) {
                double p = pValue(s, a, plan.persistence(), baseline, drop);
                double windowValue = kind == SampleKind.COUNT ? (double) a / plan.persistence() : (double) s / a;
                anomalous = p < windowPValue && relativeChange(windowValue, expected, drop) >= minRelativeChange;
                if (anomalous) {
                    pValue = p;
                }
            }
        } else if (!anomalous) {
            anomalous = pValue < windowPValue && relativeChange(value, expected, drop) >= minRelativeChange;
        }
        if (!anomalous) {
            double p = longWindowPValue(successes, attempts, baseline, drop);
            if (p < windowPValue) {
                anomalous = true;
                pValue = p;
            }
        }
        Direction observed = value < expected ? Direction.DROP : value > expected ? Direction.SPIKE : null;
        return new Verdict(
                anomalous, observed, value, expected, Reference.BASELINE, pValue, Verdict.score(pValue), volume);
    }

    /**
     * The p-value of the last {@link #LONG_WINDOW} minutes together (the persistence minutes and the recent ones after
     * them), when at least 80% of them are on the tested side, the current one clearly (half the relative change), and
     * together they reach the relative change; 1 otherwise. A coarser grain in all but name: a level shift, or a surge on a quiet series, too small for three
     * minutes of noisy counts shows over ten.
     */
    private double longWindowPValue(long[] successes, long[] attempts, Baseline baseline, boolean drop) {
        int persistence = plan.persistence();
        if (persistence + plan.recent() < LONG_WINDOW
                || !testable(attempts[0])
                || relativeChange(value(successes[0], attempts[0]), baseline.expected(), drop)
                        < minRelativeChange / 2) {
            return 1; // the window's last minute must still be clearly off, so that a recovery ends the alert
        }
        long s = 0;
        long a = 0;
        int onSide = 0;
        for (int i = 0; i < LONG_WINDOW; i++) {
            int at = i < persistence ? i : plan.recentStart() + i - persistence;
            if (!testable(attempts[at])) {
                return 1;
            }
            double v = value(successes[at], attempts[at]);
            onSide += (drop ? v < baseline.expected() : v > baseline.expected()) ? 1 : 0;
            s += successes[at];
            a += attempts[at];
        }
        double windowValue = kind == SampleKind.COUNT ? (double) a / LONG_WINDOW : (double) s / a;
        if (onSide < 0.8 * LONG_WINDOW || relativeChange(windowValue, baseline.expected(), drop) < minRelativeChange) {
            return 1;
        }
        return pValue(s, a, LONG_WINDOW, baseline, drop);
    }

    /**
     * The relative drop at which one extreme minute alone is an outage: traffic bursts upwards for a minute or two
     * (retries, batch jobs) without an incident, but a minute that loses half its traffic, far beyond its noise, has
     * lost it.
     */
    static final double COLLAPSE = 0.5;

    /** Whether the minute at index 1 is extreme too, on the same side: a single extreme minute is a burst. */
    private boolean extreme(long successes, long attempts, Baseline baseline, boolean drop) {
        return testable(attempts)
                && pValue(successes, attempts, 1, baseline, drop) < extremePValue
                && relativeChange(value(successes, attempts), baseline.expected(), drop) >= minRelativeChange;
    }

    /**
     * The one-sided p-value each minute of the persistence window must stay below on its own: a burst of one or two
     * minutes beside an ordinary high minute is not three deviating minutes.
     */
    static final double EACH_MINUTE = 0.01;

    /**
     * The fewest samples a baseline leaves outliers out of: the median and deviation of five minutes of one day are
     * too rough to tell an outlier from over-dispersed noise, and leaving out the high ones biases the baseline low.
     */
    static final int OUTLIER_MIN_SAMPLES = 10;

    /** Minutes of the long window: see {@link #longWindowPValue}. */
    static final int LONG_WINDOW = 10;

    @Override
    public boolean deviates(long[] successes, long[] attempts) {
        return deviatesAt(successes, attempts, 0);
    }

    @Override
    public boolean deviatesAt(long[] successes, long[] attempts, int minute) {
        check(successes, attempts);
        if (minute < 0 || minute >= plan.persistence()) {
            throw new IllegalArgumentException(
                    "minute must be one of the " + plan.persistence() + " persistence minutes, got " + minute);
        }
        Baseline baseline = baseline(successes, attempts);
        if (baseline == null || !testable(attempts[minute])) {
            return false;
        }
        double value = value(successes[minute], attempts[minute]);
        boolean drop = direction == Direction.DROP || (direction == Direction.BOTH && value <= baseline.expected());
        return pValue(successes[minute], attempts[minute], 1, baseline, drop) < MINUTE_DEVIATES
                && relativeChange(value, baseline.expected(), drop) >= minRelativeChange;
    }

    /** The one-sided p-value below which a single minute still deviates, for an open alert. */
    static final double MINUTE_DEVIATES = 1e-3;

    private void check(long[] successes, long[] attempts) {
        if (successes.length != plan.size() || attempts.length != plan.size()) {
            throw new IllegalArgumentException(
                    "expected " + plan.size() + " minutes as the plan says, got " + attempts.length);
        }
    }

    private boolean testable(long attempts) {
        return attempts >= 0 && (kind == SampleKind.COUNT || attempts >= minCurrentAttempts);
    }

    private double value(long successes, long attempts) {
        if (attempts < 0) {
            return Double.NaN;
        }
        return kind == SampleKind.COUNT ? attempts : attempts > 0 ? (double) successes / attempts : Double.NaN;
    }

    /**
     * The baseline from the weekly days that have data, or while no weekly day has, the daily ones and the recent
     * minutes (the level of today, as one more day); null when there are fewer than {@link #minSamples()} samples or their attempts together stay below {@code minVolume}. A day has data when any
     * minute of its window had attempts: the rollups cannot tell a quiet minute from one before the series existed.
     */
    Baseline baseline(long[] successes, long[] attempts) {
        int size = plan.days().size() * plan.window() + plan.recent();
        double[] values = new double[size];
        long[] s = new long[size];
        long[] a = new long[size];
        int[] day = new int[size];
        int n = collect(weekly, successes, attempts, values, s, a, day, 0);
        if (n == 0) {
            n = collect(daily, successes, attempts, values, s, a, day, 0);
            n = collectRecent(successes, attempts, values, s, a, day, n);
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += a[i];
        }
        if (n < minSamples() || total < minVolume) {
            return null;
        }
        boolean[] keep = kept(values, a, n);
        return kind == SampleKind.COUNT ? countBaseline(a, day, keep, n) : rateBaseline(s, a, day, keep, n);
    }

    /**
     * The fewest samples a baseline needs: 3, or 1 when a plan reads one sample a day (an hour or a day grain, the same
     * hour or weekday one week back). Its spread then comes from the count's own noise and the prior day-to-day
     * variation alone, widened for knowing no better, until more weeks are there; mixing in the last days instead
     * would compare a Monday with a Sunday.
     */
    private int minSamples() {
        return plan.window() == 1 ? 1 : 3;
    }

    private int collect(
            int[] days, long[] successes, long[] attempts, double[] values, long[] s, long[] a, int[] day, int n) {
        int window = plan.window();
        for (int d : days) {
            int start = plan.dayStart(d);
            boolean data = false;
            for (int j = start; j < start + window; j++) {
                data |= attempts[j] > 0;
            }
            if (!data) {
                continue;
            }
            for (int j = start; j < start + window; j++) {
                if (attempts[j] < 0 || (kind == SampleKind.RATE && attempts[j] == 0)) {
                    continue;
                }
                s[n] = successes[j];
                a[n] = attempts[j];
                values[n] = value(successes[j], attempts[j]);
                day[n] = d;
                n++;
            }
        }
        return n;
    }

    /** The recent minutes, as one more day (the last index), for a series without a week of history. */
    private int collectRecent(
            long[] successes, long[] attempts, double[] values, long[] s, long[] a, int[] day, int n) {
        for (int j = plan.recentStart(); j < plan.size(); j++) {
            if (attempts[j] < 0 || (kind == SampleKind.RATE && attempts[j] == 0)) {
                continue;
            }
            s[n] = successes[j];
            a[n] = attempts[j];
            values[n] = value(successes[j], attempts[j]);
            day[n] = plan.days().size();
            n++;
        }
        return n;
    }

    /** The samples within {@link #OUTLIER_DEVIATIONS} robust deviations of their median (a past outage is not). */
    private boolean[] kept(double[] values, long[] a, int n) {
        double median = median(values, n);
        double mad = 1.4826 * mad(values, n, median);
        boolean[] keep = new boolean[n];
        if (n < OUTLIER_MIN_SAMPLES) {
            Arrays.fill(keep, true);
            return keep;
        }
        for (int i = 0; i < n; i++) {
            double noise = kind == SampleKind.COUNT
                    ? Math.max(1, Math.sqrt(median))
                    : Math.sqrt(Math.max(median * (1 - median), 0.25 / a[i]) / a[i]);
            keep[i] = Math.abs(values[i] - median) <= OUTLIER_DEVIATIONS * Math.max(mad, noise);
        }
        return keep;
    }

    /**
     * Mean, and the variance split as in a one-way analysis of variance by day: around each day's own level
     * (within), and of the level from day to day (between), so that several minutes of one day are not taken for
     * independent evidence when the whole day can sit high or low.
     */
    private Baseline countBaseline(long[] a, int[] day, boolean[] keep, int n) {
        double[] daySum = new double[plan.days().size() + 1];
        int[] dayCount = new int[daySum.length];
        double sum = 0;
        long total = 0;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                daySum[day[i]] += a[i];
                dayCount[day[i]]++;
                sum += a[i];
                total += a[i];
                kept++;
            }
        }
        double mean = sum / kept;
        double within = 0;
        double between = 0;
        int days = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                double dayMean = daySum[day[i]] / dayCount[day[i]];
                within += (a[i] - dayMean) * (a[i] - dayMean);
            }
        }
        for (int d = 0; d < daySum.length; d++) {
            if (dayCount[d] > 0) {
                double dayMean = daySum[d] / dayCount[d];
                between += dayCount[d] * (dayMean - mean) * (dayMean - mean);
                days++;
            }
        }
        double msw = kept > days ? within / (kept - days) : mean;
        double msb = days > 1 ? between / (days - 1) : 0;
        double perDay = (double) kept / days;
        double levelVariance = days > 1 ? Math.max(0, (msb - msw) / perDay) : 0;
        return new Baseline(mean, Math.max(msw, mean), shrunk(levelVariance, days, mean), total, kept, days);
    }

    /** The pooled rate, its Pearson dispersion within days (at least 1), and the variance of the rate by day. */
    private Baseline rateBaseline(long[] s, long[] a, int[] day, boolean[] keep, int n) {
        long[] daySuccesses = new long[plan.days().size() + 1];
        long[] dayAttempts = new long[daySuccesses.length];
        long successes = 0;
        long attempts = 0;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                daySuccesses[day[i]] += s[i];
                dayAttempts[day[i]] += a[i];
                successes += s[i];
                attempts += a[i];
                kept++;
            }
        }
        if (attempts < minVolume || kept < minSamples()) {
            return null;
        }
        double rate = (successes + 0.5) / (attempts + 1.0);
        double binomial = rate * (1 - rate);
        double pearson = 0;
        int days = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                double dayRate = (daySuccesses[day[i]] + 0.5) / (dayAttempts[day[i]] + 1.0);
                double d = s[i] - a[i] * dayRate;
                pearson += d * d / (a[i] * binomial);
            }
        }
        double between = 0;
        double binomialPart = 0;
        for (int d = 0; d < dayAttempts.length; d++) {
            if (dayAttempts[d] > 0) {
                double dayRate = (double) daySuccesses[d] / dayAttempts[d];
                between += (dayRate - rate) * (dayRate - rate);
                binomialPart += binomial / dayAttempts[d];
                days++;
            }
        }
        double dispersion = kept > days ? Math.max(1, pearson / (kept - days)) : 1;
        double levelVariance = days > 1 ? Math.max(0, (between - dispersion * binomialPart) / (days - 1)) : 0;
        double level = shrunk(levelVariance, days, Math.min(rate, 1 - rate));
        return new Baseline((double) successes / attempts, dispersion, level, attempts, kept, days);
    }

    /**
     * The day-to-day variance of the level, estimated from {@code days} days, shrunk towards a prior of
     * {@link #LEVEL_PRIOR} of {@code scale} (the mean count, or a rate's rarer outcome) with the weight of
     * {@link #PRIOR_DAYS} days: from two or three days an estimated variance is mostly noise, and too small an estimate
     * makes every minute of an ordinary high day look significant.
     */
    private static double shrunk(double estimate, int days, double scale) {
        double prior = LEVEL_PRIOR * scale * LEVEL_PRIOR * scale;
        double weight = Math.max(0, days - 1);
        return (weight * estimate + PRIOR_DAYS * prior) / (weight + PRIOR_DAYS);
    }

    /** The prior day-to-day variation of a level, as a share of it. */
    static final double LEVEL_PRIOR = 0.1;

    /** How many days of evidence the prior weighs as. */
    static final double PRIOR_DAYS = 4;

    /**
     * The one-sided p-value, doubled for BOTH, of {@code minutes} minutes together (successes s of attempts a)
     * against the baseline on the tested side. A count's sum is a negative binomial whose variance adds the minutes'
     * own variance ({@code minutes * within}) and the day's level shared by all of them ({@code minutes² *
     * between}); a rate's is an exact binomial tail on attempts shrunk by its variance ratio (quasi-binomial).
     */
    private double pValue(long s, long a, int minutes, Baseline baseline, boolean drop) {
        double p;
        if (kind == SampleKind.COUNT) {
            double mean = minutes * baseline.expected();
            // the minutes' own noise, the uncertainty of a mean from n samples carried by all of them (m² σ² / n),
            // and the day's level they share (m² between)
            double variance = (minutes * baseline.within() * (1 + (double) minutes / baseline.samples())
                            + (double) minutes * minutes * baseline.between())
                    * baseline.spreadWidening();
            p = drop
                    ? Significance.negativeBinomialAtMost(a, mean, variance)
                    : Significance.negativeBinomialAtLeast(a, mean, variance);
        } else {
            // the binomial test on counts shrunk by the variance ratio (quasi-binomial): the dispersion within days,
            // the uncertainty of the baseline's rate and the day's level, against a plain binomial's variance
            double rate = Math.min(Math.max(baseline.expected(), 0.5 / baseline.total()), 1 - 0.5 / baseline.total());
            double binomial = rate * (1 - rate) / a;
            double variance =
                    (baseline.within() * rate * (1 - rate) * (1.0 / a + 1.0 / baseline.total()) + baseline.between())
                            * baseline.widening();
            double ratio = Math.max(1, variance / binomial);
            long n = Math.max(1, Math.round(a / ratio));
            long k = Math.round((double) s / a * n);
            p = drop ? Significance.binomialAtMost(k, n, rate) : Significance.binomialAtLeast(k, n, rate);
        }
        return direction == Direction.BOTH ? Math.min(1.0, 2 * p) : p;
    }

    private double relativeChange(double value, double expected, boolean drop) {
        double change = drop ? expected - value : value - expected;
        if (!(change > 0)) {
            return 0.0;
        }
        double base = kind == SampleKind.COUNT ? expected : Math.min(expected, 1 - expected);
        return base > 0 ? change / base : Double.POSITIVE_INFINITY;
    }

    private static double median(double[] values, int n) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    private static double mad(double[] values, int n, double median) {
        double[] deviations = new double[n];
        for (int i = 0; i < n; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return median(deviations, n);
    }

    @Override
    public String toString() {
        return "SeasonalDetector[" + kind + ", " + direction.wireName() + ", " + sensitivity.wireName() + ", minVolume "
                + minVolume + ", persistence " + plan.persistence()
                + (grain == Grain.MINUTE ? "" : ", " + grain.wireName())
                + "]";
    }
}
