package io.vigil.analytics.api;

import java.util.List;

/**
 * Which minutes a {@link BaselineDetector} reads to judge one minute: the minute itself and the {@code persistence - 1}
 * minutes before it, then, for each day in {@code days}, the same minute that many days earlier and the
 * {@code halfWindow} minutes either side of it, and last the {@code recent} minutes before the persistence minutes.
 * The days that are whole weeks back ({@code 7, 14, 21, 28}) make the weekly baseline; the others ({@code 1, 2, 3})
 * stand in for it while a series has less than a week of history, and the recent minutes while it has less than a
 * day (a new series, a new Vigil without imported history).
 *
 * @param persistence how many consecutive minutes must deviate before an alert (unless one is extreme); at least 1
 * @param halfWindow the minutes either side of the same minute on each history day; at least 0
 * @param days how many days back each history window is, each at least 1
 * @param recent how many minutes before the persistence minutes make the baseline of a series without a day of
 *     history; 0 for none
 */
public record HistoryPlan(int persistence, int halfWindow, List<Integer> days, int recent) {

    /**
     * Three minutes of persistence; windows of five minutes on the last three days and the last four weeks; the ten
     * minutes before for a series younger than a day.
     */
    public static final HistoryPlan DEFAULT = new HistoryPlan(3, 2, List.of(1, 2, 3, 7, 14, 21, 28), 10);

    /**
     * The plan of each coarser grain, in samples of that grain. Five minutes: two in a row must deviate, against the same
     * five minutes and the five either side on the history days, or the 20 minutes before for a series without a day
     * of history. An hour: the same hour on the history days, alone (an hour either side is another part of the daily
     * cycle), one hour enough. A day: the same weekday of the last four weeks only (Saturday is not Friday), one day
     * enough, nothing judged before a week of history.
     */
    private static final HistoryPlan FIVE_MINUTES = new HistoryPlan(2, 1, List.of(1, 2, 3, 7, 14, 21, 28), 4);

    private static final HistoryPlan HOUR = new HistoryPlan(1, 0, List.of(1, 2, 3, 7, 14, 21, 28), 0);

    private static final HistoryPlan DAY_GRAIN = new HistoryPlan(1, 0, List.of(7, 14, 21, 28), 0);

    private static final long DAY = 86_400;

    public HistoryPlan {
        days = List.copyOf(days);
        if (persistence < 1 || persistence > 30) {
            throw new IllegalArgumentException("persistence must be 1 to 30 minutes, got " + persistence);
        }
        if (halfWindow < 0 || halfWindow > 30) {
            throw new IllegalArgumentException("halfWindow must be 0 to 30 minutes, got " + halfWindow);
        }
        if (days.isEmpty() || days.stream().anyMatch(d -> d < 1 || d > 35)) {
            throw new IllegalArgumentException("days must be 1 to 35 days back, got " + days);
        }
        if (recent < 0 || recent > 120) {
            throw new IllegalArgumentException("recent must be 0 to 120 minutes, got " + recent);
        }
    }

    /** The default plan of a grain: {@link #DEFAULT} for minutes, see the constants above for the others. */
    public static HistoryPlan forGrain(Grain grain) {
        return switch (grain) {
            case MINUTE -> DEFAULT;
            case FIVE_MINUTES -> FIVE_MINUTES;
            case HOUR -> HOUR;
            case DAY -> DAY_GRAIN;
        };
    }

    /** The same plan with another persistence. */
    public HistoryPlan withPersistence(int minutes) {
        return new HistoryPlan(minutes, halfWindow, days, recent);
    }

    /** Minutes per history day. */
    public int window() {
        return 2 * halfWindow + 1;
    }

    /** How many minutes are read in all. */
    public int size() {
        return persistence + days.size() * window() + recent;
    }

    /** Where the recent minutes start among the minutes read. */
    public int recentStart() {
        return persistence + days.size() * window();
    }

    /** Where day {@code i}'s window starts among the minutes read. */
    public int dayStart(int i) {
        return persistence + i * window();
    }

    /**
     * How many seconds before the judged minute each minute read starts, in the order samples are passed to
     * {@link BaselineDetector#evaluate(long[], long[])}: the persistence minutes (0, 60, …), then each day's window
     * from its earliest minute to its latest, then the recent minutes from the latest back.
     */
    public long[] offsets() {
        long[] offsets = new long[size()];
        for (int i = 0; i < persistence; i++) {
            offsets[i] = 60L * i;
        }
        int at = persistence;
        for (int day : days) {
            for (int j = -halfWindow; j <= halfWindow; j++) {
                offsets[at++] = day * DAY - 60L * j;
            }
        }
        for (int i = 0; i < recent; i++) {
            offsets[at++] = 60L * (persistence + i);
        }
        return offsets;
    }

    /**
     * How many samples of {@code grain} before the judged one each sample read is, in the order of {@link #offsets()}:
     * the persistence samples (0, 1, …), then each history day's window (the same sample {@code day × }
     * {@link Grain#perDay()} back, and the {@code halfWindow} samples either side of it), then the recent samples. For
     * {@link Grain#MINUTE} these are {@link #offsets()} in minutes.
     */
    public long[] offsets(Grain grain) {
        long[] offsets = new long[size()];
        for (int i = 0; i < persistence; i++) {
            offsets[i] = i;
        }
        int at = persistence;
        for (int day : days) {
            for (int j = -halfWindow; j <= halfWindow; j++) {
                offsets[at++] = (long) day * grain.perDay() - j;
            }
        }
        for (int i = 0; i < recent; i++) {
            offsets[at++] = persistence + i;
        }
        return offsets;
    }

    /** The furthest back any minute read is, in seconds. */
    public long reach() {
        long reach = 0;
        for (long offset : offsets()) {
            reach = Math.max(reach, offset);
        }
        return reach;
    }
}
