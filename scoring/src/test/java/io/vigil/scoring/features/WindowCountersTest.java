package io.vigil.scoring.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowCountersTest {

    private static final int T = 29_000_000; // an epoch minute (2025)
    private final WindowCounters w = new WindowCounters();

    @Test
    void countsAndSumsWithinEachWindow() {
        w.add(T - 20, 5);
        w.add(T - 3, 10);
        w.add(T, 20);

        assertThat(w.count(1, T)).isEqualTo(1);
        assertThat(w.count(5, T)).isEqualTo(2);
        assertThat(w.sum(5, T)).isEqualTo(30.0);
        assertThat(w.count(15, T)).isEqualTo(2);
        assertThat(w.count(60, T)).isEqualTo(3);
        assertThat(w.count(1440, T)).isEqualTo(3);
        assertThat(w.sum(1440, T)).isEqualTo(35.0);
    }

    @Test
    void aWindowOfNMinutesHoldsTheCurrentMinuteAndTheNMinus1Before() {
        w.add(T - 4, 1);
        w.add(T - 5, 1);

        assertThat(w.count(5, T)).isEqualTo(1); // T-4 .. T
        assertThat(w.count(5, T - 1)).isEqualTo(2);
        assertThat(w.count(1, T - 5)).isEqualTo(1);
    }

    @Test
    void oldBucketsAreClearedAsTimeMovesOn() {
        w.add(T, 1);
        w.add(T + 16, 1); // the minute ring (15) has wrapped

        assertThat(w.count(15, T + 16)).isEqualTo(1);
        assertThat(w.count(1440, T + 16)).isEqualTo(2);
        w.add(T + 25 * 60, 1); // a day later
        assertThat(w.count(1440, T + 25 * 60)).isEqualTo(1);
    }

    @Test
    void outOfOrderEventsLandInTheirOwnBucket() {
        w.add(T, 1);
        w.add(T - 2, 1); // late, still within the minute ring
        w.add(T - 30, 1); // too late for the minute ring, still counted for 1 h and 24 h

        assertThat(w.count(1, T)).isEqualTo(1);
        assertThat(w.count(5, T)).isEqualTo(2);
        assertThat(w.count(15, T)).isEqualTo(2);
        assertThat(w.count(60, T)).isEqualTo(3);
        assertThat(w.count(1440, T)).isEqualTo(3);
    }

    @Test
    void readingAtAnEarlierTimeIgnoresLaterBuckets() {
        w.add(T, 1);
        w.add(T + 2, 1);

        assertThat(w.count(5, T)).isEqualTo(1);
        assertThat(w.count(5, T + 2)).isEqualTo(2);
    }

    @Test
    void anEmptyEntityHasNothing() {
        assertThat(w.count(60, T)).isZero();
        assertThat(w.sum(1440, T)).isZero();
    }
}
