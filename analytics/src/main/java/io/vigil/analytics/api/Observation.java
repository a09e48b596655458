package io.vigil.analytics.api;

import java.util.Set;

/**
 * What a monitor saw in one minute of one series, and what it compared it with.
 *
 * @param value the measured value of the minute
 * @param expected the value the reference predicted
 * @param reference what the minute was compared with: {@value #PREVIOUS_MINUTE}, {@value #YESTERDAY} or
 *     {@value #LAST_WEEK}, or {@value #BASELINE} for the baseline made of many samples of the series' history
 * @param pValue how likely a deviation at least this large is by chance, 0..1
 * @param score 0..100, higher is more anomalous
 * @param volume how many transactions the minute held
 */
public record Observation(double value, double expected, String reference, double pValue, double score, long volume) {

    public static final String PREVIOUS_MINUTE = "previous_minute";
    public static final String YESTERDAY = "yesterday";
    public static final String LAST_WEEK = "last_week";
    public static final String BASELINE = "baseline";

    private static final Set<String> REFERENCES = Set.of(PREVIOUS_MINUTE, YESTERDAY, LAST_WEEK, BASELINE);

    public Observation {
        if (!Double.isFinite(value) || !Double.isFinite(expected)) {
            throw new IllegalArgumentException("value and expected must be finite numbers");
        }
        if (!REFERENCES.contains(reference)) {
            throw new IllegalArgumentException(
                    "reference must be previous_minute, yesterday, last_week or baseline, not " + reference);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be between 0 and 1, not " + pValue);
        }
        if (!(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("score must be between 0 and 100, not " + score);
        }
        if (volume < 0) {
            throw new IllegalArgumentException("volume must not be negative, not " + volume);
        }
    }
}
