package io.vigil.analytics.detect;

import static io.vigil.analytics.detect.Traffic.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.api.BaselineDetector;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.Grain;
import io.vigil.analytics.api.HistoryPlan;
import io.vigil.analytics.api.Sample;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.analytics.api.Verdict;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** The coarser grains catch what minutes cannot show: surges on quiet series, whole-day shifts on small ones. */
class GrainDetectionTest {

    private static final int DAYS = FailureModes.DAYS;
    private static final int LAST_DAY = FailureModes.LAST_DAY;

    @Test
    void aGrainSampleIsTheSumOfItsMinutesAndClosesWithItsLastMinute() {
        LongFunction<Sample> minutes = m -> m < 60 ? Sample.NONE : new Sample(1, 2);

        assertThat(Grain.HOUR.sum(minutes).apply(1)).isEqualTo(new Sample(60, 120));
        assertThat(Grain.HOUR.sum(minutes).apply(0)).isEqualTo(Sample.NONE);
        assertThat(Grain.FIVE_MINUTES
                        .sum(m -> m == 12 ? Sample.NONE : Sample.count(3))
                        .apply(2))
                .as("a minute without data counts as none")
                .isEqualTo(Sample.count(12));
        assertThat(Grain.HOUR.closesAt(119)).isTrue();
        assertThat(Grain.HOUR.closesAt(120)).isFalse();
        assertThat(Grain.DAY.indexOf(DAY + 5)).isEqualTo(1);
        assertThat(Grain.MINUTE.closesAt(7)).isTrue();
        assertThat(Grain.fromWire(" Hour ")).isEqualTo(Grain.HOUR);
    }

    @Test
    void eachGrainComparesWithTheSameSampleOnEarlierDaysOrWeeks() {
        assertThat(HistoryPlan.forGrain(Grain.HOUR).offsets(Grain.HOUR))
                .as("the hour itself, then the same hour 1, 2, 3, 7, 14, 21 and 28 days back")
                .containsExactly(0, 24, 48, 72, 168, 336, 504, 672);
        assertThat(HistoryPlan.forGrain(Grain.DAY).offsets(Grain.DAY))
                .as("the day itself, then the same weekday of the last four weeks")
                .containsExactly(0, 7, 14, 21, 28);
        assertThat(HistoryPlan.DEFAULT.offsets(Grain.MINUTE))
                .as("minutes: the minute plan's offsets in minutes")
                .containsExactly(java.util.Arrays.stream(HistoryPlan.DEFAULT.offsets())
                        .map(seconds -> seconds / 60)
                        .toArray());
    }

    /** About 2 events a minute, then twice as many from 10:00 to 12:00 on the last day. */
    static long[] quietSeriesDoubling() {
        return Traffic.scaled(Traffic.counts(31, DAYS, 1.5, 2.5, 50), 1.5, 2.5, LAST_DAY + 600, LAST_DAY + 720, 2);
    }

    @Test
    void onlyTheHourGrainCatchesAQuietSeriesDoublingForTwoHours() {
        long[] counts = quietSeriesDoubling();
        BaselineDetector detector = Traffic.seasonal(Direction.BOTH, Sensitivity.MEDIUM);

        Verdict[] minutes = Traffic.replay(detector, counts, LAST_DAY, DAYS * DAY);
        assertThat(Traffic.anomalousMinutes(minutes))
                .as("minutes of 2 to 5 events tell next to nothing: at most a stray minute of the 120")
                .isLessThanOrEqualTo(3);

        LongFunction<Sample> hours = Grain.HOUR.sum(m -> at(counts, m));
        long tenOClock = Grain.HOUR.indexOf(LAST_DAY + 10 * 60);
        Verdict surge = detector.evaluateAt(Grain.HOUR, hours, tenOClock);
        assertThat(surge.anomalous()).as("10:00 to 11:00: %s", surge).isTrue();
        assertThat(surge.grain()).isEqualTo(Grain.HOUR);
        assertThat(surge.observed()).isEqualTo(Direction.SPIKE);
        assertThat(detector.evaluateAt(Grain.HOUR, hours, tenOClock + 1).anomalous())
                .isTrue();
        for (long hour = Grain.HOUR.indexOf(LAST_DAY); hour < Grain.HOUR.indexOf(DAYS * DAY); hour++) {
            if (hour != tenOClock && hour != tenOClock + 1) {
                assertThat(detector.evaluateAt(Grain.HOUR, hours, hour).anomalous())
                        .as("hour %d of the last day", hour % 24)
                        .isFalse();
            }
        }
    }

    /** 2 to 6 events a minute, and the whole last day at half its usual level. */
    static long[] smallSeriesHalvedForADay() {
        long[] counts = Traffic.counts(33, DAYS, 2, 6, Double.POSITIVE_INFINITY);
        return Traffic.scaled(counts, 2, 6, LAST_DAY, counts.length, 0.5);
    }

    @Test
    void aWholeDayAtHalfItsLevelOnASmallSeriesIsCaughtByTheDayGrain() {
        long[] counts = smallSeriesHalvedForADay();
        BaselineDetector detector = Traffic.seasonal(Direction.BOTH, Sensitivity.MEDIUM);

        assertThat(Traffic.anomalousMinutes(Traffic.replay(detector, counts, LAST_DAY, DAYS * DAY)))
                .as("hardly a minute of the halved day is off enough on its own: under 2 percent of them")
                .isLessThan(29);
        LongFunction<Sample> days = Grain.DAY.sum(m -> at(counts, m));
        Verdict day = detector.evaluateAt(Grain.DAY, days, DAYS - 1);
        assertThat(day.anomalous()).as("the day: %s", day).isTrue();
        assertThat(day.observed()).isEqualTo(Direction.DROP);
        assertThat(day.grain()).isEqualTo(Grain.DAY);
        assertThat(detector.evaluateAt(Grain.DAY, days, DAYS - 2).anomalous())
                .as("the ordinary day before")
                .isFalse();
    }

    @Test
    void aWholeDayShiftIsCaughtByTheWeeklyBaselineAndByTheDayGrain() {
        long[] counts = FailureModes.wholeDayShift();
        BaselineDetector detector = Traffic.seasonal(Direction.BOTH, Sensitivity.MEDIUM);

        List<Verdict> closing = detector.evaluateClosing(
                List.of(Grain.MINUTE, Grain.FIVE_MINUTES, Grain.HOUR, Grain.DAY), m -> at(counts, m), DAYS * DAY - 1);

        assertThat(closing)
                .extracting(Verdict::grain)
                .containsExactly(Grain.MINUTE, Grain.FIVE_MINUTES, Grain.HOUR, Grain.DAY);
        assertThat(closing.stream().filter(Verdict::anomalous).map(Verdict::grain))
                .as("the minute (against the same weekday's baseline), the hour and the day")
                .contains(Grain.MINUTE, Grain.HOUR, Grain.DAY);
        assertThat(closing).allSatisfy(v -> assertThat(v.observed()).isEqualTo(Direction.DROP));
    }

    private static Sample at(long[] counts, long m) {
        return m >= 0 && m < counts.length ? Sample.count(counts[(int) m]) : Sample.NONE;
    }
}
