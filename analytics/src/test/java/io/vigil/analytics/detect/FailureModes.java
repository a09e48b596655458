package io.vigil.analytics.detect;

import static io.vigil.analytics.detect.Traffic.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.analytics.api.Verdict;
import java.util.function.BiFunction;

/**
 * The failure modes of issue 17 as series, each judged by a detector given as a replay function (minutes [from, to)
 * of a series to verdicts). {@link SeasonalDetectorTest} shows the seasonal detector avoids each one;
 * {@link LegacyFailureModesTest} shows today's single-reference detector falls into each one, so the tests can fail.
 */
final class FailureModes {

    /** Replays a detector over minutes [from, to) of counts. */
    interface Replay {
        Verdict[] run(long[] counts, int from, int to);
    }

    static final int DAYS = 29;
    static final int LAST_DAY = (DAYS - 1) * DAY;

    private FailureModes() {}

    /** Real counts vary far more than Poisson: 80 to 300 a minute, variance about 10× Poisson at the peak. */
    static long[] overDispersed() {
        return Traffic.counts(17, DAYS, 80, 300, 30);
    }

    /** A small series, about 32 a minute and over-dispersed, whose references hover around the volume guard. */
    static long[] alwaysSmall() {
        return Traffic.counts(18, DAYS, 28, 36, 20);
    }

    /** About 20 a minute, then a spike of 150 a minute for five minutes at 14:00 on the last day, then back. */
    static long[] spikeThenRecovery() {
        long[] counts = Traffic.counts(19, DAYS, 18, 22, Double.POSITIVE_INFINITY);
        for (int m = spikeStart(); m < spikeStart() + 5; m++) {
            counts[m] = 150;
        }
        return counts;
    }

    static int spikeStart() {
        return LAST_DAY + 14 * 60;
    }

    /** A quiet series of about 2 events a minute that surges to 10 a minute from 10:00 to 12:00 on the last day. */
    static long[] quietSurge() {
        long[] counts = Traffic.counts(20, DAYS, 1.5, 2.5, 50);
        java.util.Random random = new java.util.Random(21);
        for (int m = surgeStart(); m < surgeStart() + 120; m++) {
            counts[m] = Traffic.poisson(random, 10);
        }
        return counts;
    }

    static int surgeStart() {
        return LAST_DAY + 10 * 60;
    }

    /** A whole day at 45% of its usual level (-55%), the morning ramp included. */
    static long[] wholeDayShift() {
        long[] counts = Traffic.counts(22, DAYS, 20, 400, Double.POSITIVE_INFINITY);
        java.util.Random random = new java.util.Random(23);
        for (int m = LAST_DAY; m < counts.length; m++) {
            counts[m] = Traffic.poisson(random, 0.45 * Traffic.cycle(m, 20, 400));
        }
        return counts;
    }

    /** The morning ramp of the shifted day: 06:00 to 10:00, where traffic climbs minute after minute. */
    static int rampStart() {
        return LAST_DAY + 6 * 60;
    }

    /** An outage of 30 minutes at 40% of the usual 200 a minute, from 15:00 on the last day. */
    static long[] outage() {
        long[] counts = Traffic.counts(24, DAYS, 190, 210, Double.POSITIVE_INFINITY);
        java.util.Random random = new java.util.Random(25);
        for (int m = outageStart(); m < outageStart() + 30; m++) {
            counts[m] = Traffic.poisson(random, 80);
        }
        return counts;
    }

    static int outageStart() {
        return LAST_DAY + 15 * 60;
    }

    static Replay seasonal(Direction direction, Sensitivity sensitivity) {
        return (counts, from, to) -> Traffic.replay(Traffic.seasonal(direction, sensitivity), counts, from, to);
    }

    static Replay legacy(Direction direction, Sensitivity sensitivity) {
        return (counts, from, to) -> Traffic.replay(Traffic.legacy(direction, sensitivity), counts, from, to);
    }

    // the checks: each passes for a detector that avoids the failure mode and throws AssertionError otherwise

    /** Over-dispersed counts: a whole ordinary day raises no alert at medium. */
    static void ordinaryWobbleIsNotAnIncident(BiFunction<Direction, Sensitivity, Replay> detector) {
        Verdict[] day = detector.apply(Direction.BOTH, Sensitivity.MEDIUM).run(overDispersed(), LAST_DAY, DAYS * DAY);
        assertThat(Traffic.alerts(day))
                .as("alerts on an ordinary over-dispersed day")
                .isZero();
    }

    /** A series that is always small raises no alert on its ordinary dips. */
    static void aSmallSeriesDoesNotAlertOnItsDips(BiFunction<Direction, Sensitivity, Replay> detector) {
        Verdict[] day = detector.apply(Direction.DROP, Sensitivity.MEDIUM).run(alwaysSmall(), LAST_DAY, DAYS * DAY);
        assertThat(Traffic.alerts(day))
                .as("alerts on a small series' ordinary day")
                .isZero();
    }

    /** The spike alerts, and the return to normal after it is not a drop. */
    static void theRecoveryAfterASpikeIsNotADrop(BiFunction<Direction, Sensitivity, Replay> detector) {
        Verdict[] around = detector.apply(Direction.BOTH, Sensitivity.MEDIUM)
                .run(spikeThenRecovery(), spikeStart() - 60, spikeStart() + 60);
        boolean spike = false;
        for (Verdict v : around) {
            assertThat(v.anomalous() && v.observed() == Direction.DROP)
                    .as("a drop flagged around the spike: %s", v)
                    .isFalse();
            spike |= v.anomalous() && v.observed() == Direction.SPIKE;
        }
        assertThat(spike).as("the spike itself is flagged").isTrue();
    }

    /** A day-long surge on a series of 2 events a minute is found. */
    static void aQuietSeriesIsTested(BiFunction<Direction, Sensitivity, Replay> detector) {
        Verdict[] surge =
                detector.apply(Direction.BOTH, Sensitivity.MEDIUM).run(quietSurge(), surgeStart(), surgeStart() + 120);
        assertThat(Traffic.alerts(surge)).as("alerts during the surge").isPositive();
        assertThat(Traffic.anomalousMinutes(surge))
                .as("minutes of the surge flagged")
                .isGreaterThan(20);
    }

    /** A holiday-like day at -55% is flagged during its morning ramp, whatever the minute before did. */
    static void aWholeDayShiftIsJudgedAgainstTheSeasonalBaseline(BiFunction<Direction, Sensitivity, Replay> detector) {
        Verdict[] ramp =
                detector.apply(Direction.BOTH, Sensitivity.MEDIUM).run(wholeDayShift(), rampStart(), rampStart() + 240);
        assertThat(ramp[0].anomalous())
                .as("the first minute of the ramp: %s", ramp[0])
                .isTrue();
        assertThat(Traffic.anomalousMinutes(ramp))
                .as("minutes of the ramp flagged")
                .isGreaterThan(200);
        for (Verdict v : ramp) {
            assertThat(v.anomalous() && v.observed() == Direction.SPIKE).isFalse();
        }
    }

    /** An outage of 30 minutes is one incident that lasts its 30 minutes, not a one-minute anomaly. */
    static void anOutageIsOneIncidentAsLongAsItLasts(BiFunction<Direction, Sensitivity, Replay> detector) {
        Verdict[] hour = detector.apply(Direction.DROP, Sensitivity.MEDIUM)
                .run(outage(), outageStart() - 15, outageStart() + 45);
        assertThat(Traffic.alerts(hour)).as("incidents").isEqualTo(1);
        assertThat(Traffic.anomalousMinutes(hour)).as("minutes flagged").isBetween(28, 30);
        assertThat(hour[15 + 2].anomalous())
                .as("flagged by the outage's third minute")
                .isTrue();
    }
}
