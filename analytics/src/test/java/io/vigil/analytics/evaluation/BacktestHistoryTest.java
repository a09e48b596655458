package io.vigil.analytics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.analytics.store.RollupReader.SeriesRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A backtest's history is held sparsely, answers as the dense arrays did, and stops loading at its caps. */
class BacktestHistoryTest {

    private static final long WEEK = 7 * 86_400;
    private static final long FROM = 1_795_000_000L / 60 * 60;
    private static final long TO = FROM + 2 * 86_400;
    private static final long START = FROM - WEEK;

    /** The minutes each row holds: now, the minute before, a day and a week before. */
    private static final long[] OFFSETS = {0, 60, 86_400, WEEK};

    @Test
    void rowsAreTheSameAsTheDenseArraysGave() {
        Random random = new Random(12);
        BacktestHistory sparse = new BacktestHistory(OFFSETS, START, TO, 1000, 10_000_000);
        Map<String, long[][]> dense = new HashMap<>();
        int length = (int) ((TO - START) / 60);
        List<long[]> rows = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            String key = "m-" + random.nextInt(40) + "\u0001" + (random.nextBoolean() ? "SE" : "NO");
            long minute = START + 60L * random.nextInt(length);
            long attempts = 1 + random.nextInt(50);
            long successes = random.nextInt((int) attempts + 1);
            rows.add(new long[] {minute, successes, attempts});
            sparse.add(key, minute, successes, attempts);
            long[][] h = dense.computeIfAbsent(key, k -> new long[2][length]);
            h[0][(int) ((minute - START) / 60)] += successes;
            h[1][(int) ((minute - START) / 60)] += attempts;
        }
        sparse.seal();

        assertThat(sparse.series()).isEqualTo(dense.size());
        for (long m = FROM; m < TO; m += 60) {
            assertThat(canonical(sparse.rowsAt(m))).as("minute %d", m).isEqualTo(denseRows(dense, m));
        }
    }

    @Test
    void aSeriesWithOneMinuteOfTrafficHoldsAFewPointsNotTheWholeRange() {
        BacktestHistory history = new BacktestHistory(OFFSETS, START, FROM + 7 * 86_400, 10, 100);
        history.add("m-1", FROM + 600, 3, 4);
        history.seal();

        assertThat(history.points()).isEqualTo(1);
        assertThat(history.rowsAt(FROM + 600)).hasSize(1);
        assertThat(history.rowsAt(FROM + 660)).hasSize(1); // as "the minute before" of the next minute
        assertThat(history.rowsAt(FROM + 720)).isEmpty();
    }

    @Test
    void rowsOutsideTheRangeAreIgnored() {
        BacktestHistory history = new BacktestHistory(OFFSETS, START, TO, 10, 100);
        history.add("m-1", START - 60, 1, 1);
        history.add("m-1", TO, 1, 1);

        assertThat(history.points()).isZero();
        assertThat(history.series()).isZero();
    }

    @Test
    void moreSeriesThanTheCapStopTheLoad() {
        BacktestHistory history = new BacktestHistory(OFFSETS, START, TO, 3, 1_000);
        for (int i = 0; i < 3; i++) {
            history.add("browser-" + i, FROM, 1, 1);
        }
        history.add("browser-0", FROM + 60, 1, 1); // a known series may add points

        assertThatThrownBy(() -> history.add("browser-3", FROM, 1, 1))
                .isInstanceOfSatisfying(BacktestHistory.TooLarge.class, e -> {
                    assertThat(e.cap()).isEqualTo("backtest-series");
                    assertThat(e.getMessage()).contains("more than 3 series");
                });
    }

    @Test
    void morePointsThanTheCapStopTheLoad() {
        BacktestHistory history = new BacktestHistory(OFFSETS, START, TO, 10, 5);
        for (int i = 0; i < 5; i++) {
            history.add("m-1", FROM + 60L * i, 1, 1);
        }

        assertThatThrownBy(() -> history.add("m-1", FROM + 600, 1, 1))
                .isInstanceOfSatisfying(
                        BacktestHistory.TooLarge.class, e -> assertThat(e.cap()).isEqualTo("backtest-points"));
    }

    private static Map<String, String> canonical(List<SeriesRow> rows) {
        Map<String, String> out = new TreeMap<>();
        for (SeriesRow r : rows) {
            out.put(String.join("|", r.values()), Arrays.toString(r.successes()) + Arrays.toString(r.attempts()));
        }
        return out;
    }

    /** The rows as MonitorBacktest computed them from dense arrays before. */
    private static Map<String, String> denseRows(Map<String, long[][]> history, long m) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, long[][]> e : history.entrySet()) {
            long[][] h = e.getValue();
            long[] successes = new long[OFFSETS.length];
            long[] attempts = new long[OFFSETS.length];
            boolean any = false;
            for (int k = 0; k < OFFSETS.length; k++) {
                int i = (int) ((m - OFFSETS[k] - START) / 60);
                if (i >= 0 && i < h[0].length) {
                    successes[k] = h[0][i];
                    attempts[k] = h[1][i];
                    any |= attempts[k] > 0 || successes[k] > 0;
                }
            }
            if (any) {
                out.put(e.getKey().replace("\u0001", "|"), Arrays.toString(successes) + Arrays.toString(attempts));
            }
        }
        return out;
    }
}
