package io.vigil.analytics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.analytics.api.HistoryPlan;
import io.vigil.analytics.store.RollupReader.SeriesRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Held windows advanced minute by minute give exactly the rows a full read of every minute of the plan gives: the
 * same series, the same minutes, also as series appear, fall silent and get late events.
 */
class SeriesWindowsTest {

    private static final long[] OFFSETS = HistoryPlan.DEFAULT.offsets();
    private static final long START = 1_795_000_000L / 60 * 60;
    private static final long DAY = 86_400;

    /** Per minute (epoch seconds) and series key, successes and attempts: what the rollups hold. */
    private final Map<Long, Map<String, long[]>> rollups = new HashMap<>();

    private void put(long minute, String series, long successes, long attempts) {
        long[] v = rollups.computeIfAbsent(minute, k -> new HashMap<>()).computeIfAbsent(series, k -> new long[2]);
        v[0] += successes;
        v[1] += attempts;
    }

    /** What {@code RollupReader.read} answers: every series with traffic at any of the minutes read. */
    private List<SeriesRow> read(long minute, long[] offsets) {
        Map<String, SeriesRow> rows = new TreeMap<>();
        for (int k = 0; k < offsets.length; k++) {
            for (Map.Entry<String, long[]> e :
                    rollups.getOrDefault(minute - offsets[k], Map.of()).entrySet()) {
                SeriesRow row = rows.computeIfAbsent(
                        e.getKey(),
                        key -> new SeriesRow(key.split("/"), new long[offsets.length], new long[offsets.length]));
                row.successes()[k] = e.getValue()[0];
                row.attempts()[k] = e.getValue()[1];
            }
        }
        return new ArrayList<>(rows.values());
    }

    private static Map<String, String> canonical(Iterable<SeriesRow> rows) {
        Map<String, String> out = new TreeMap<>();
        for (SeriesRow r : rows) {
            out.put(String.join("/", r.values()), Arrays.toString(r.successes()) + Arrays.toString(r.attempts()));
        }
        return out;
    }

    @Test
    void advancingGivesWhatAFullReadGives() {
        Random random = new Random(7);
        long first = START + 29 * DAY;
        long last = first + 240 * 60;
        // sparse traffic over the 28 days before and the 4 hours evaluated: busy, quiet and short-lived series
        for (int n = 0; n < 60_000; n++) {
            long minute = START + 60L * random.nextInt((int) ((last - START) / 60));
            String series = "m-" + random.nextInt(30) + "/" + (random.nextBoolean() ? "SE" : "NO");
            long attempts = 1 + random.nextInt(4); // the rollups hold no rows without traffic
            put(minute, series, random.nextInt((int) attempts + 1), attempts);
        }
        for (long m = first + 60 * 60; m < first + 90 * 60; m += 60) {
            put(m, "burst/SE", 3, 9); // a series that lives half an hour
        }
        SeriesWindows windows = new SeriesWindows(OFFSETS);
        windows.rebuild(first, read(first, OFFSETS));
        assertThat(canonical(windows.rows())).isEqualTo(canonical(read(first, OFFSETS)));

        for (long m = first + 60; m < last; m += 60) {
            if (m == first + 120 * 60) {
                put(m - 60, "m-3/SE", 1, 2); // a late event for the minute before, after it was judged
            }
            windows.advance(m, read(m, windows.fresh()), Integer.MAX_VALUE);
            assertThat(canonical(windows.rows()))
                    .as("minute %d", (m - first) / 60)
                    .isEqualTo(canonical(read(m, OFFSETS)));
        }
    }

    @Test
    void eachMinuteReadsOnlyTheMinutesNewToThePlanAndTheMinuteBefore() {
        SeriesWindows windows = new SeriesWindows(OFFSETS);

        long[] fresh = windows.fresh();

        assertThat(OFFSETS).hasSize(48);
        assertThat(fresh).hasSize(9).contains(0, 60).contains(DAY - 120, 7 * DAY - 120, 28 * DAY - 120);
    }

    @Test
    void newSeriesBeyondTheCapAreNotHeldAndSilentOnesAreDropped() {
        long minute = START + 29 * DAY;
        put(minute, "a/SE", 1, 1);
        SeriesWindows windows = new SeriesWindows(OFFSETS);
        windows.rebuild(minute, read(minute, OFFSETS));
        put(minute + 60, "b/SE", 1, 1);
        put(minute + 60, "c/SE", 1, 1);

        windows.advance(minute + 60, read(minute + 60, windows.fresh()), 2);

        assertThat(canonical(windows.rows()).keySet()).containsExactly("a/SE", "b/SE");
        // "a" leaves the latest minutes after 13 minutes without traffic; nothing of it is held after that
        for (long m = minute + 120; m <= minute + 15 * 60; m += 60) {
            windows.advance(m, read(m, windows.fresh()), 2);
        }
        assertThat(windows.series()).isZero();
    }

    @Test
    void aGapNeedsAFullRead() {
        SeriesWindows windows = new SeriesWindows(OFFSETS);
        assertThat(windows.continues(START)).isFalse();
        windows.rebuild(START, List.of());

        assertThat(windows.continues(START + 60)).isTrue();
        assertThat(windows.continues(START + 120)).isFalse();
        assertThatThrownBy(() -> windows.advance(START + 120, List.of(), 10)).isInstanceOf(IllegalStateException.class);
    }
}
