package io.vigil.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.analytics.api.BaselineDetector;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.HistoryPlan;
import io.vigil.analytics.api.Reference;
import io.vigil.analytics.api.Sample;
import io.vigil.analytics.api.SampleKind;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.analytics.api.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeasonalDetectorTest {

    private static final int DAY = Traffic.DAY;

    @Test
    void thePlanReadsThePersistenceMinutesThenEachDaysWindowThenTheRecentMinutes() {
        HistoryPlan plan = new HistoryPlan(2, 1, List.of(1, 7), 2);

        assertThat(plan.offsets())
                .containsExactly(
                        0, 60, 86_400 + 60, 86_400, 86_400 - 60, 604_800 + 60, 604_800, 604_800 - 60, 120, 180);
        assertThat(plan.size()).isEqualTo(10);
        assertThat(plan.dayStart(1)).isEqualTo(5);
        assertThat(plan.recentStart()).isEqualTo(8);
        assertThat(plan.reach()).isEqualTo(604_860);
        assertThatThrownBy(() -> new HistoryPlan(0, 1, List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HistoryPlan(1, 1, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSeriesWithoutADayOfHistoryIsJudgedOnItsRecentMinutesNeverOnThePreviousOneAlone() {
        BaselineDetector detector = Traffic.seasonal(Direction.DROP, Sensitivity.HIGH);
        Map<Long, Sample> series = new HashMap<>();
        series.put(99L, Sample.count(1000));
        series.put(100L, Sample.count(0));

        Verdict previousOnly = detector.evaluateAt(m -> series.getOrDefault(m, Sample.NONE), 100);

        assertThat(previousOnly.anomalous()).isFalse();
        assertThat(previousOnly.reference()).isNull();
        assertThat(previousOnly.pValue()).isEqualTo(1.0);

        for (long m = 80; m < 100; m++) {
            series.put(m, Sample.count(1000));
        }
        Verdict recent = detector.evaluateAt(m -> series.getOrDefault(m, Sample.NONE), 100);
        assertThat(recent.anomalous())
                .as("a collapse against 10 ordinary minutes")
                .isTrue();
        assertThat(recent.expected()).isEqualTo(1000.0);
    }

    @Test
    void aCollapseOfASuccessRateAlertsAtOnceWithTwoDaysOfHistory() {
        // MonitoringIT's incident: about 40 attempts a minute at 90% success, one minute at 35%
        Random random = new Random(3);
        Map<Long, Sample> series = new HashMap<>();
        long now = 2 * DAY + 600;
        for (long m = 0; m < now; m++) {
            long attempts = Traffic.poisson(random, 40);
            long successes = 0;
            for (long i = 0; i < attempts; i++) {
                successes += random.nextDouble() < 0.9 ? 1 : 0;
            }
            series.put(m, new Sample(successes, attempts));
        }
        series.put(now, new Sample(14, 40));
        BaselineDetector detector = BaselineDetector.of(SampleKind.RATE, Direction.DROP, Sensitivity.MEDIUM, null);

        Verdict verdict = detector.evaluateAt(m -> series.getOrDefault(m, Sample.NONE), now);

        assertThat(verdict.anomalous()).as("%s", verdict).isTrue();
        assertThat(verdict.observed()).isEqualTo(Direction.DROP);
        assertThat(verdict.reference()).isEqualTo(Reference.BASELINE);
        assertThat(verdict.expected()).isBetween(0.88, 0.92);
        assertThat(verdict.value()).isEqualTo(0.35);
        assertThat(detector.evaluateAt(m -> series.getOrDefault(m, Sample.NONE), now - 1)
                        .anomalous())
                .isFalse();
        // an ordinary 82% minute on 40 attempts is noise
        series.put(now, new Sample(33, 40));
        assertThat(detector.evaluateAt(m -> series.getOrDefault(m, Sample.NONE), now)
                        .anomalous())
                .isFalse();
    }

    @Test
    void ordinaryRatesOverTwoWeeksRaiseNoAlert() {
        Random random = new Random(11);
        int days = 15;
        Sample[] samples = new Sample[days * DAY];
        for (int m = 0; m < samples.length; m++) {
            long attempts = Traffic.draw(random, Traffic.cycle(m, 30, 400), 20);
            // the success rate wobbles from day to day and minute to minute (beta-binomial-like)
            double rate = Math.min(0.99, 0.9 + 0.02 * Math.sin(m / 3000.0) + 0.01 * random.nextGaussian());
            long successes = 0;
            for (long i = 0; i < attempts; i++) {
                successes += random.nextDouble() < rate ? 1 : 0;
            }
            samples[m] = new Sample(successes, attempts);
        }
        BaselineDetector detector = BaselineDetector.of(SampleKind.RATE, Direction.DROP, Sensitivity.MEDIUM, null);

        int anomalous = 0;
        for (int m = (days - 1) * DAY; m < samples.length; m++) {
            anomalous += detector.evaluateAt(i -> i >= 0 && i < samples.length ? samples[(int) i] : Sample.NONE, m)
                            .anomalous()
                    ? 1
                    : 0;
        }
        assertThat(anomalous).isZero();
    }

    @Test
    void smallRateSeriesOfANewVigilRaiseNothingOverTwoDays() {
        // MonitoringIT's small series: 3 to 25 attempts a minute at 90% success, two days from the first minute on,
        // so the first day is judged on its recent minutes and the second on the first
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            Sample[] samples = new Sample[2 * DAY];
            for (int m = 0; m < samples.length; m++) {
                long attempts = Traffic.poisson(random, Traffic.cycle(m, 3, 25));
                long successes = 0;
                for (long i = 0; i < attempts; i++) {
                    successes += random.nextDouble() < 0.9 ? 1 : 0;
                }
                samples[m] = new Sample(successes, attempts);
            }
            BaselineDetector detector = BaselineDetector.of(SampleKind.RATE, Direction.DROP, Sensitivity.MEDIUM, null);

            int anomalous = 0;
            for (int m = 0; m < samples.length; m++) {
                anomalous += detector.evaluateAt(i -> i >= 0 && i < samples.length ? samples[(int) i] : Sample.NONE, m)
                                .anomalous()
                        ? 1
                        : 0;
            }
            assertThat(anomalous).as("seed %d", seed).isZero();
        }
    }

    @Test
    void anOpenAlertStillDeviatesUntilTheSeriesIsBackToItsBaseline() {
        BaselineDetector detector = Traffic.seasonal(Direction.DROP, Sensitivity.MEDIUM);
        long[] counts = FailureModes.outage();
        int during = FailureModes.outageStart() + 20;
        int after = FailureModes.outageStart() + 40;

        assertThat(deviates(detector, counts, during)).isTrue();
        assertThat(deviates(detector, counts, after)).isFalse();
    }

    @Test
    void theArraysMustFollowThePlan() {
        BaselineDetector detector = Traffic.seasonal(Direction.DROP, Sensitivity.MEDIUM);

        assertThatThrownBy(() -> detector.evaluate(new long[4], new long[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("as the plan says");
    }

    private static boolean deviates(BaselineDetector detector, long[] counts, int minute) {
        long[] offsets = detector.plan().offsets();
        long[] successes = new long[offsets.length];
        long[] attempts = new long[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            attempts[i] = counts[(int) (minute - offsets[i] / 60)];
        }
        return detector.deviates(successes, attempts);
    }
}
