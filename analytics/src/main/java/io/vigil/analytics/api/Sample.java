package io.vigil.analytics.api;

/**
 * One minute of one series as the rollups hold it: how many attempts there were and how many of them succeeded. The
 * same shape serves both {@link SampleKind kinds} so that the evaluator can pass rollup rows through unchanged: a
 * count reads {@code attempts} only, a rate reads {@code successes / attempts}.
 *
 * <p>"No data" for a reference minute is the sentinel {@link #NONE}, not {@code null}: the detector's methods reject
 * {@code null}. Mind the difference between no data and zero: when a minute has closed and its rollup has no row for a
 * series, that series had zero events, which is {@code Sample.count(0)} for the current minute (the very drop a count
 * monitor exists to catch). {@code NONE} means the minute is unknown, e.g. before the series existed or outside the
 * rollups' retention. For a reference minute the two behave alike, since neither passes a volume guard.
 */
public record Sample(long successes, long attempts) {

    /** No data for that minute. Both fields are -1, which no real sample can have; compare with {@link #isNone()}. */
    public static final Sample NONE = new Sample(-1, -1);

    public Sample {
        if (!(successes == -1 && attempts == -1) && (attempts < 0 || successes < 0 || successes > attempts)) {
            throw new IllegalArgumentException(
                    "a sample needs 0 <= successes <= attempts, got successes=" + successes + " attempts=" + attempts);
        }
    }

    /** A count: {@code events} attempts, no successes. */
    public static Sample count(long events) {
        return new Sample(0, events);
    }

    /** Whether this is {@link #NONE}. */
    public boolean isNone() {
        return attempts < 0;
    }

    /** Successes per attempt; NaN when there were no attempts or no data. */
    public double rate() {
        return attempts > 0 ? (double) successes / attempts : Double.NaN;
    }
}
