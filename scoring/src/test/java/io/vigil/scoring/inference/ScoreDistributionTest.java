package io.vigil.scoring.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The live model's scores over the last day: counted in tenths, hour by hour, started again by a new version. */
class ScoreDistributionTest {

    private Instant now = Instant.parse("2026-11-30T10:15:00Z");

    @Test
    void countsEachScoreInItsTenthOverTheLastDay() {
        ScoreDistribution scores = new ScoreDistribution(() -> now.toEpochMilli());
        scores.record(3, 0.2);
        scores.record(3, 9.99);
        scores.record(3, 10);
        scores.record(3, 100);
        now = now.plus(Duration.ofHours(5));
        scores.record(3, 55);

        ScoreDistribution.Snapshot day = scores.lastDay();
        assertThat(day.version()).isEqualTo(3);
        assertThat(day.bins()).containsExactly(2L, 1L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 1L);

        now = now.plus(Duration.ofHours(20)); // the first hour is more than a day ago now
        assertThat(scores.lastDay().bins()).containsExactly(0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L);
    }

    @Test
    void aNewLiveVersionStartsAgain() {
        ScoreDistribution scores = new ScoreDistribution(() -> now.toEpochMilli());
        scores.record(3, 5);
        scores.record(4, 95);

        assertThat(scores.lastDay().version()).isEqualTo(4);
        assertThat(scores.lastDay().bins()).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L);
    }
}
