package io.vigil.analytics.api;

/**
 * What a monitored metric is, which decides both the value a {@link Sample} stands for and the statistical test that
 * compares two of them. Counts and rates need different tests: a count's noise grows with its size (Poisson), a rate's
 * noise shrinks with the number of attempts behind it (binomial).
 */
public enum SampleKind {
    /** Events per minute: the value is {@link Sample#attempts()}, successes are ignored. */
    COUNT(30),
    /** Successes per attempt in a minute, e.g. the authorisation success rate: successes / attempts. */
    RATE(50);

    private final long defaultMinVolume;

    SampleKind(long defaultMinVolume) {
        this.defaultMinVolume = defaultMinVolume;
    }

    /**
     * The least number of attempts a reference minute needs before it is compared with, unless a monitor says
     * otherwise: below 30 events a minute (or 50 attempts behind a rate) a single minute is mostly noise, and small
     * partners must not page anyone.
     */
    public long defaultMinVolume() {
        return defaultMinVolume;
    }

    /** The value of a sample as this kind reads it; NaN for {@link Sample#NONE} and for a rate with no attempts. */
    public double valueOf(Sample sample) {
        if (sample.isNone()) {
            return Double.NaN;
        }
        return this == COUNT ? sample.attempts() : sample.rate();
    }
}
