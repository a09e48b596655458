package io.vigil.analytics.api;

import io.vigil.analytics.detect.SeasonalDetector;
import java.util.function.LongFunction;

/**
 * A monitor's detector: it judges one closing minute of a series against a baseline made from many samples of the
 * series' own history (the same minutes on earlier days and weeks, see {@link HistoryPlan}), and asks a deviation to
 * last {@link HistoryPlan#persistence()} minutes unless it is extreme. The live evaluator, the backtest and
 * {@code ./vigil detect} all use it. Instances are immutable and thread-safe.
 */
public interface BaselineDetector {

    /** The minutes this detector reads for each judged minute. */
    HistoryPlan plan();

    /**
     * Judges the minute at index 0 of the arrays, which hold successes and attempts at the minutes of
     * {@link #plan()}'s {@link HistoryPlan#offsets() offsets}. An attempts value below 0 means no data for that minute;
     * 0 is a minute without events.
     */
    Verdict evaluate(long[] successes, long[] attempts);

    /**
     * Whether the minute at index 0 alone still deviates from the baseline: what an open alert checks each minute,
     * resolving once this is false. False when there is no baseline or too little traffic to tell.
     */
    boolean deviates(long[] successes, long[] attempts);

    /**
     * As {@link #deviates}, for the persistence minute {@code minute} (0 is the judged minute, 1 the one before, up to
     * {@link HistoryPlan#persistence()} - 1), against the judged minute's baseline.
     */
    boolean deviatesAt(long[] successes, long[] attempts, int minute);

    /** Judges {@code epochMinute} of a series given as a function from epoch minutes to samples. */
    default Verdict evaluateAt(LongFunction<Sample> series, long epochMinute) {
        long[] offsets = plan().offsets();
        long[] successes = new long[offsets.length];
        long[] attempts = new long[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            Sample s = series.apply(epochMinute - offsets[i] / 60);
            successes[i] = s.isNone() ? 0 : s.successes();
            attempts[i] = s.isNone() ? -1 : s.attempts();
        }
        return evaluate(successes, attempts);
    }

    /** The detector a monitor of this kind, direction and sensitivity uses; {@code minVolume} null for the default. */
    static BaselineDetector of(SampleKind kind, Direction direction, Sensitivity sensitivity, Long minVolume) {
        return of(kind, direction, sensitivity, minVolume, HistoryPlan.DEFAULT);
    }

    /** As {@link #of(SampleKind, Direction, Sensitivity, Long)}, reading the minutes {@code plan} names. */
    static BaselineDetector of(
            SampleKind kind, Direction direction, Sensitivity sensitivity, Long minVolume, HistoryPlan plan) {
        return new SeasonalDetector(
                kind, direction, sensitivity, minVolume == null ? kind.defaultMinVolume() : minVolume, plan);
    }
}
