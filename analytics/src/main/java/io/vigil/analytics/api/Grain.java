package io.vigil.analytics.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * How coarse the samples a detector judges are: one minute, or the sum of 5, 60 or 1,440 consecutive minutes. A quiet
 * series of 2 events a minute tells nothing minute by minute, but 120 events an hour do; a day that runs 30% low is
 * lost in each minute's noise but plain in its total. Grains are aligned on the epoch (so on UTC hours and days): grain
 * {@code i} of a grain of {@code m} minutes holds the epoch minutes {@code [i m, (i + 1) m)} and closes when its last
 * minute does. Written by its {@link #wireName()} in alerts and in {@code ./vigil detect} output.
 */
public enum Grain {
    /** One minute: sudden outages and spikes, found within minutes. */
    MINUTE(1, "minute"),
    /** Five minutes: a shift too small for three noisy minutes. */
    FIVE_MINUTES(5, "5m"),
    /** An hour, compared with the same hour on earlier days and weeks: surges and collapses of quiet series. */
    HOUR(60, "hour"),
    /** A UTC day, compared with the same weekday of earlier weeks: whole-day shifts. */
    DAY(1440, "day");

    private final int minutes;
    private final String wireName;

    Grain(int minutes, String wireName) {
        this.minutes = minutes;
        this.wireName = wireName;
    }

    /** Minutes per sample of this grain. */
    public int minutes() {
        return minutes;
    }

    /** Samples of this grain per day. */
    public int perDay() {
        return 1440 / minutes;
    }

    /** The lower-case name used in alerts, output and command-line options. */
    public String wireName() {
        return wireName;
    }

    /** The index of the sample of this grain that holds {@code epochMinute}. */
    public long indexOf(long epochMinute) {
        return Math.floorDiv(epochMinute, minutes);
    }

    /** The first epoch minute of sample {@code grainIndex}. */
    public long firstMinute(long grainIndex) {
        return grainIndex * minutes;
    }

    /** The last epoch minute of sample {@code grainIndex}: when it closes. */
    public long lastMinute(long grainIndex) {
        return grainIndex * minutes + minutes - 1;
    }

    /** Whether a sample of this grain closes with {@code epochMinute} (always, for {@link #MINUTE}). */
    public boolean closesAt(long epochMinute) {
        return Math.floorMod(epochMinute + 1, minutes) == 0;
    }

    /**
     * A series of this grain made from a minute series: each sample is the sum of its minutes' successes and attempts,
     * minutes without data counting as none; {@link Sample#NONE} only when none of its minutes has data. What the
     * offline tools use; the live evaluator reads the sums from the rollups instead. Each call reads {@link #minutes()}
     * minutes, so wrap a slow minute series in a cache first.
     */
    public LongFunction<Sample> sum(LongFunction<Sample> minuteSeries) {
        if (this == MINUTE) {
            return minuteSeries;
        }
        return index -> {
            long successes = 0;
            long attempts = 0;
            boolean data = false;
            for (long m = firstMinute(index); m <= lastMinute(index); m++) {
                Sample s = minuteSeries.apply(m);
                if (!s.isNone()) {
                    data = true;
                    successes += s.successes();
                    attempts += s.attempts();
                }
            }
            return data ? new Sample(successes, attempts) : Sample.NONE;
        };
    }

    /**
     * The grain with this wire name, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the valid values, when the name is missing or unknown
     */
    public static Grain fromWire(String name) {
        if (name != null) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            for (Grain grain : values()) {
                if (grain.wireName.equals(wanted)) {
                    return grain;
                }
            }
        }
        throw new IllegalArgumentException((name == null ? "grain is missing" : "unknown grain '" + name + "'")
                + "; valid values: "
                + Arrays.stream(values()).map(Grain::wireName).collect(Collectors.joining(", ")));
    }
}
