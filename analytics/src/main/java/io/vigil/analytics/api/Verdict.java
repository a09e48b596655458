package io.vigil.analytics.api;

/**
 * What {@link MinuteDetector#evaluate} concluded about one minute of one series. Besides the yes/no it carries what an
 * alert needs to explain itself to the person it pages: the value, what was expected, from which reference, and how
 * unlikely the value was.
 *
 * @param anomalous whether the minute deviates, in the monitored direction, from every reference the detector needed
 * @param observed which way the value lies from {@code expected}: {@link Direction#DROP}, {@link Direction#SPIKE}, or
 *     {@code null} when it is equal or nothing was tested
 * @param value the current count, or the current rate
 * @param expected the value of the usable reference closest to the current value, which is the most conservative
 *     expectation (the alert understates rather than overstates the change); NaN when nothing was tested, which is
 *     when the previous minute was not usable or the current minute had no data (or, for a rate, too few attempts)
 * @param reference which minute {@code expected} comes from; {@code null} when nothing was tested
 * @param pValue the largest p-value among the tests the decision needed, so the weakest evidence; 1 when there was
 *     nothing to test
 * @param score {@code min(100, -10 * log10(pValue))}: 0 for no evidence, 40 at p = 1e-4, 100 at p = 1e-10 or less; a
 *     number people can sort alerts by without reading p-values
 * @param volume the current minute's attempts (for a count, the count itself); 0 when it had no data
 * @param grain the grain judged: with a coarser grain than {@link Grain#MINUTE}, "minute" above reads as one sample of
 *     that grain (value, expected and volume are then sums over its minutes, or its rate)
 */
public record Verdict(
        boolean anomalous,
        Direction observed,
        double value,
        double expected,
        Reference reference,
        double pValue,
        double score,
        long volume,
        Grain grain) {

    public Verdict {
        java.util.Objects.requireNonNull(grain, "grain");
    }

    /** A verdict on one minute ({@link Grain#MINUTE}). */
    public Verdict(
            boolean anomalous,
            Direction observed,
            double value,
            double expected,
            Reference reference,
            double pValue,
            double score,
            long volume) {
        this(anomalous, observed, value, expected, reference, pValue, score, volume, Grain.MINUTE);
    }

    /** The same verdict about a sample of {@code other}. */
    public Verdict withGrain(Grain other) {
        return other == grain
                ? this
                : new Verdict(anomalous, observed, value, expected, reference, pValue, score, volume, other);
    }

    /** The verdict when there is not enough evidence to test: never anomalous. */
    public static Verdict inconclusive(double value, long volume) {
        return new Verdict(false, null, value, Double.NaN, null, 1.0, 0.0, volume);
    }

    /** The score for a p-value, as described on {@link #score()}. */
    public static double score(double pValue) {
        if (!(pValue > 0)) {
            return pValue == 0 ? 100.0 : 0.0;
        }
        return Math.min(100.0, Math.max(0.0, -10.0 * Math.log10(pValue)));
    }
}
