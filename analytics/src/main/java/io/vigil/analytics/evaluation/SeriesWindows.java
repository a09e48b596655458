package io.vigil.analytics.evaluation;

import io.vigil.analytics.store.RollupReader.SeriesRow;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One monitor's series with the minutes its detector reads, kept between evaluations so that each minute reads only
 * what changed. The detector's plan reads 48 minutes per series (the latest minutes and a window on each of seven
 * earlier days); from one minute to the next, 40 of them are the same minutes again. So after one full read, the
 * next minute {@linkplain #advance advances}: every series' minutes move one step, and only the minutes new to the
 * plan ({@link #fresh()}: the minute itself and the newest minute of each day's window) and the minutes re-read for
 * late events ({@link #REREAD}) come from the rollups.
 *
 * <p>That is exact, not an approximation: a series without traffic in any minute of the last read is not held, and
 * then had none in the minutes kept, so its new minutes are all it has. Events that arrive for a minute older than
 * the re-read ones after it was read (an import of old traffic) are not seen by the held minutes: the evaluator reads
 * everything again when such rows were written ({@link io.vigil.analytics.projection.LateRollups}), as after a
 * restart, a skipped minute, or a change of the monitor.
 *
 * <p>Memory: two {@code int}s per series and minute of the plan, about 400 bytes for a series of the default plan,
 * plus its dimension values. Used by the evaluator's one thread only.
 */
final class SeriesWindows {

    /** Offsets (seconds before the judged minute) read again every minute though held: late events of the minute before. */
    static final long[] REREAD = {60};

    private final long[] offsets;
    private final int size;

    /** For each minute of the plan, where it was in the previous minute's plan, or -1 when it is new. */
    private final int[] previous;

    /** The indexes of the plan minutes read each minute: the new ones and the re-read ones. */
    private final int[] fresh;

    private final Map<String, Integer> index = new HashMap<>();
    private String[][] values = new String[16][];
    private int[] successes;
    private int[] attempts;
    private int count;
    private long minute = Long.MIN_VALUE;

    SeriesWindows(long[] offsets) {
        this.offsets = offsets.clone();
        this.size = offsets.length;
        Map<Long, Integer> at = new HashMap<>();
        for (int k = 0; k < size; k++) {
            at.put(offsets[k], k);
        }
        this.previous = new int[size];
        int[] read = new int[size];
        int n = 0;
        for (int k = 0; k < size; k++) {
            Integer before = at.get(offsets[k] - 60);
            previous[k] = before == null ? -1 : before;
            long offset = offsets[k];
            if (before == null || Arrays.stream(REREAD).anyMatch(o -> o == offset)) {
                read[n++] = k;
            }
        }
        this.fresh = Arrays.copyOf(read, n);
        this.successes = new int[16 * size];
        this.attempts = new int[16 * size];
    }

    /** The offsets to read from the rollups when {@link #continues} is true, in the order {@link #advance} takes. */
    long[] fresh() {
        long[] read = new long[fresh.length];
        for (int i = 0; i < fresh.length; i++) {
            read[i] = offsets[fresh[i]];
        }
        return read;
    }

    /** Whether {@code minute} (epoch seconds) is the minute after the one held, so that it can advance. */
    boolean continues(long minute) {
        return this.minute != Long.MIN_VALUE && minute == this.minute + 60;
    }

    /** How many series are held. */
    int series() {
        return count;
    }

    /** Replaces everything with a full read of {@code minute}: rows holding every minute of the plan. */
    void rebuild(long minute, List<SeriesRow> rows) {
        index.clear();
        count = 0;
        for (SeriesRow row : rows) {
            int i = slot(row.values());
            for (int k = 0; k < size; k++) {
                successes[i * size + k] = narrow(row.successes()[k]);
                attempts[i * size + k] = narrow(row.attempts()[k]);
            }
        }
        this.minute = minute;
    }

    /**
     * Moves every series to {@code minute}, the minute after the one held, with {@code rows} read at
     * {@link #fresh()}'s offsets; at most {@code maxSeries} series are held, new ones beyond it are left out.
     */
    void advance(long minute, List<SeriesRow> rows, int maxSeries) {
        if (!continues(minute)) {
            throw new IllegalStateException("cannot advance from " + this.minute + " to " + minute);
        }
        int[] s = new int[size];
        int[] a = new int[size];
        for (int i = 0; i < count; i++) {
            int base = i * size;
            for (int k = 0; k < size; k++) {
                int p = previous[k];
                s[k] = p < 0 ? 0 : successes[base + p];
                a[k] = p < 0 ? 0 : attempts[base + p];
            }
            System.arraycopy(s, 0, successes, base, size);
            System.arraycopy(a, 0, attempts, base, size);
        }
        for (SeriesRow row : rows) {
            Integer known = index.get(key(row.values()));
            if (known == null && count >= maxSeries) {
                continue;
            }
            int i = known != null ? known : slot(row.values());
            for (int f = 0; f < fresh.length; f++) {
                successes[i * size + fresh[f]] = narrow(row.successes()[f]);
                attempts[i * size + fresh[f]] = narrow(row.attempts()[f]);
            }
        }
        dropSilent();
        this.minute = minute;
    }

    /** Drops the series without traffic in any minute held: a full read would not return them either. */
    private void dropSilent() {
        for (int i = 0; i < count; ) {
            if (!silent(i)) {
                i++;
                continue;
            }
            index.remove(key(values[i]));
            int last = --count;
            if (i != last) {
                values[i] = values[last];
                System.arraycopy(successes, last * size, successes, i * size, size);
                System.arraycopy(attempts, last * size, attempts, i * size, size);
                index.put(key(values[i]), i);
            }
            values[last] = null;
        }
    }

    private boolean silent(int i) {
        for (int k = i * size; k < (i + 1) * size; k++) {
            if (attempts[k] != 0 || successes[k] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The series held, each with every minute of the plan. The rows share their two arrays, refilled for each row:
     * use a row's minutes before asking for the next one.
     */
    Iterable<SeriesRow> rows() {
        long[] s = new long[size];
        long[] a = new long[size];
        return () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public SeriesRow next() {
                if (i >= count) {
                    throw new NoSuchElementException();
                }
                int base = i * size;
                for (int k = 0; k < size; k++) {
                    s[k] = successes[base + k];
                    a[k] = attempts[base + k];
                }
                return new SeriesRow(values[i++], s, a);
            }
        };
    }

    private int slot(String[] seriesValues) {
        int i = count++;
        if (i == values.length) {
            int capacity = values.length * 2;
            values = Arrays.copyOf(values, capacity);
            successes = Arrays.copyOf(successes, capacity * size);
            attempts = Arrays.copyOf(attempts, capacity * size);
        }
        values[i] = seriesValues;
        index.put(key(seriesValues), i);
        Arrays.fill(successes, i * size, (i + 1) * size, 0);
        Arrays.fill(attempts, i * size, (i + 1) * size, 0);
        return i;
    }

    private static String key(String[] values) {
        return String.join("\u0001", values);
    }

    private static int narrow(long value) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, value));
    }
}
