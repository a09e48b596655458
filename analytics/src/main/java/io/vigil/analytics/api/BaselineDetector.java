package io.vigil.analytics.api;

import io.vigil.analytics.detect.SeasonalDetector;
import java.util.ArrayList;
import java.util.List;
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

    /** The grain this detector judges; {@link Grain#MINUTE} unless it came from {@link #atGrain}. */
    default Grain grain() {
        return Grain.MINUTE;
    }

    /**
     * This detector at another grain: the same kind, direction, sensitivity and volume guard, with the grain's
     * {@link HistoryPlan#forGrain plan} and levels. Its {@link #evaluate} takes samples of that grain at
     * {@link HistoryPlan#offsets(Grain)} and its verdicts name the grain.
     */
    default BaselineDetector atGrain(Grain other) {
        if (other == grain()) {
            return this;
        }
        throw new UnsupportedOperationException(this + " judges " + grain().wireName() + " samples only");
    }

    /**
     * Judges sample {@code grainIndex} of a series of {@code grain} samples (the minutes {@link Grain#firstMinute} to
     * {@link Grain#lastMinute} of that index, summed), given as a function from grain indexes to samples: what the
     * live evaluator calls when a grain closes, with the sums read from the rollups. The verdict names the grain.
     */
    default Verdict evaluateAt(Grain grain, LongFunction<Sample> grainSeries, long grainIndex) {
        BaselineDetector detector = atGrain(grain);
        long[] offsets = detector.plan().offsets(grain);
        long[] successes = new long[offsets.length];
        long[] attempts = new long[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            Sample s = grainSeries.apply(grainIndex - offsets[i]);
            successes[i] = s.isNone() ? 0 : s.successes();
            attempts[i] = s.isNone() ? -1 : s.attempts();
        }
        return detector.evaluate(successes, attempts).withGrain(grain);
    }

    /**
     * The verdicts of every grain in {@code grains} that closes with {@code epochMinute}, in the order given, on a
     * series of minutes (each coarser sample the {@link Grain#sum sum} of its minutes): what the offline tools run for
     * each minute. The minute grain closes every minute, the hour grain at minute 59 of each UTC hour, and so on.
     */
    default List<Verdict> evaluateClosing(List<Grain> grains, LongFunction<Sample> minuteSeries, long epochMinute) {
        List<Verdict> verdicts = new ArrayList<>(grains.size());
        for (Grain grain : grains) {
            if (grain.closesAt(epochMinute)) {
                verdicts.add(evaluateAt(grain, grain.sum(minuteSeries), grain.indexOf(epochMinute)));
            }
        }
        return verdicts;
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
