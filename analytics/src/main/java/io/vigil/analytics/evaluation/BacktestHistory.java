package io.vigil.analytics.evaluation;

import io.vigil.analytics.store.RollupReader.SeriesRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A backtest's history: per series, successes and attempts at the minutes that had traffic, and nothing for the
 * minutes that had none. A series seen in one minute of a 7-day backtest costs a few dozen bytes instead of a dense
 * array over the whole range and its references (about 322 KB). The series and the points held are capped as they
 * load: past either cap the load stops with {@link TooLarge}, before anything is evaluated.
 *
 * <p>{@link #rowsAt(long)} is asked for minutes in increasing order, as a backtest replays them, and walks each
 * series' sorted minutes with one cursor per minute a row holds, so a replay costs what the dense arrays cost.
 */
final class BacktestHistory {

    /** The history would exceed a cap; the message says which, for the client. */
    static final class TooLarge extends RuntimeException {
        private final String cap;

        TooLarge(String cap, String message) {
            super(message, null, false, false);
            this.cap = cap;
        }

        String cap() {
            return cap;
        }
    }

    private final long[] offsets;
    private final long start;
    private final long end;
    private final int maxSeries;
    private final long maxPoints;
    private final Map<String, SparseSeries> series = new HashMap<>();
    private long points;

    /**
     * @param offsets the minutes each row holds, in seconds before the minute replayed (the detector's plan)
     * @param start the epoch second of the first minute held (the plan's reach before the range)
     * @param end the epoch second after the last minute held; rows outside {@code [start, end)} are ignored
     */
    BacktestHistory(long[] offsets, long start, long end, int maxSeries, long maxPoints) {
        this.offsets = offsets.clone();
        this.start = start;
        this.end = end;
        this.maxSeries = maxSeries;
        this.maxPoints = maxPoints;
    }

    /** Adds one row of the rollups: a series (its values joined by U+0001) at a minute (epoch seconds). */
    void add(String key, long minute, long successes, long attempts) {
        if (minute < start || minute >= end) {
            return;
        }
        SparseSeries s = series.get(key);
        if (s == null) {
            if (series.size() >= maxSeries) {
                throw new TooLarge(
                        "backtest-series",
                        "the backtest has more than " + maxSeries + " series in its range;"
                                + " use fewer dimensions, a filter or a shorter range");
            }
            s = new SparseSeries(key, offsets.length);
            series.put(key, s);
        }
        if (++points > maxPoints) {
            throw new TooLarge(
                    "backtest-points",
                    "the backtest needs more than " + maxPoints + " minutes of series data;"
                            + " use fewer dimensions, a filter or a shorter range");
        }
        s.add((int) ((minute - start) / 60), successes, attempts);
    }

    int series() {
        return series.size();
    }

    long points() {
        return points;
    }

    /** Sorts each series by minute; call once, after the last {@link #add}. */
    BacktestHistory seal() {
        for (SparseSeries s : series.values()) {
            s.seal();
        }
        return this;
    }

    /** The series with traffic at minute {@code m} or its references, as the live reader would return them. */
    List<SeriesRow> rowsAt(long m) {
        List<SeriesRow> rows = new ArrayList<>();
        for (SparseSeries s : series.values()) {
            long[] successes = new long[offsets.length];
            long[] attempts = new long[offsets.length];
            boolean any = false;
            for (int k = 0; k < offsets.length; k++) {
                long i = (m - offsets[k] - start) / 60;
                int at = s.find(k, i);
                if (at >= 0) {
                    successes[k] = s.successes[at];
                    attempts[k] = s.attempts[at];
                    any |= attempts[k] > 0 || successes[k] > 0;
                }
            }
            if (any) {
                rows.add(new SeriesRow(s.values(), successes, attempts));
            }
        }
        return rows;
    }

    /** One series' points, in growable parallel arrays: minute index, successes, attempts. */
    static final class SparseSeries {
        private final String key;
        private String[] values;
        int[] minutes = new int[4];
        long[] successes = new long[4];
        long[] attempts = new long[4];
        int size;
        private boolean sorted = true;
        private final int[] cursors;

        SparseSeries(String key, int minutesRead) {
            this.key = key;
            this.cursors = new int[minutesRead];
        }

        void add(int minute, long s, long a) {
            if (size == minutes.length) {
                int capacity = size + (size >> 1) + 1;
                minutes = Arrays.copyOf(minutes, capacity);
                successes = Arrays.copyOf(successes, capacity);
                attempts = Arrays.copyOf(attempts, capacity);
            }
            if (size > 0 && minute <= minutes[size - 1]) {
                sorted = false;
            }
            minutes[size] = minute;
            successes[size] = s;
            attempts[size] = a;
            size++;
        }

        /** Sorts by minute, summing points of the same minute. */
        void seal() {
            if (sorted) {
                return;
            }
            long[] order = new long[size];
            for (int i = 0; i < size; i++) {
                order[i] = ((long) minutes[i] << 32) | i;
            }
            Arrays.sort(order);
            int[] m = new int[size];
            long[] s = new long[size];
            long[] a = new long[size];
            int n = 0;
            for (long o : order) {
                int i = (int) o;
                if (n > 0 && m[n - 1] == minutes[i]) {
                    s[n - 1] += successes[i];
                    a[n - 1] += attempts[i];
                } else {
                    m[n] = minutes[i];
                    s[n] = successes[i];
                    a[n] = attempts[i];
                    n++;
                }
            }
            minutes = m;
            successes = s;
            attempts = a;
            size = n;
            sorted = true;
        }

        /** The position of minute {@code i}, or -1; for each {@code k}, asked with non-decreasing {@code i}. */
        int find(int k, long i) {
            int c = cursors[k];
            while (c < size && minutes[c] < i) {
                c++;
            }
            cursors[k] = c;
            return c < size && minutes[c] == i ? c : -1;
        }

        String[] values() {
            if (values == null) {
                values = key.isEmpty() ? new String[0] : key.split("\u0001", -1);
            }
            return values;
        }
    }
}
