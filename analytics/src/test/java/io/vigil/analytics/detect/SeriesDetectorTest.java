package io.vigil.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.Reference;
import io.vigil.analytics.api.Sample;
import io.vigil.analytics.api.SampleKind;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.analytics.api.Verdict;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesDetectorTest {

    private static final int DAY = 24 * 60;

    @Test
    void aSmallMerchantNeverFlagsWhateverTheSettings() {
        for (Sensitivity sensitivity : Sensitivity.values()) {
            for (Direction direction : Direction.values()) {
                SeriesDetector counts = new SeriesDetector(SampleKind.COUNT, direction, sensitivity);
                SeriesDetector rates = new SeriesDetector(SampleKind.RATE, direction, sensitivity);

                assertThat(counts.evaluate(count(3), count(9), count(9), count(9))
                                .anomalous())
                        .isFalse();
                assertThat(counts.evaluate(count(9), count(3), count(3), count(3))
                                .anomalous())
                        .isFalse();
                assertThat(counts.evaluate(count(0), count(9), count(9), count(9))
                                .anomalous())
                        .isFalse();
                assertThat(rates.evaluate(rate(0, 3), rate(9, 9), rate(9, 9), rate(9, 9))
                                .anomalous())
                        .isFalse();
                assertThat(rates.evaluate(rate(0, 9), rate(3, 3), rate(3, 3), rate(3, 3))
                                .anomalous())
                        .isFalse();
                assertThat(counts.deviates(count(3), count(9))).isFalse();
                assertThat(rates.deviates(rate(0, 9), rate(3, 3))).isFalse();
            }
        }
    }

    @Test
    void theVolumeGuardLooksAtTheReferenceAndCanBeChanged() {
        SeriesDetector strict = new SeriesDetector(SampleKind.COUNT, Direction.DROP, Sensitivity.HIGH, 500);

        Verdict verdict = strict.evaluate(count(0), count(400), Sample.NONE, Sample.NONE);

        assertThat(verdict.anomalous()).isFalse();
        assertThat(verdict.reference()).isNull();
        assertThat(verdict.pValue()).isEqualTo(1.0);
        assertThat(verdict.score()).isZero();
        assertThat(verdict.volume()).isZero();
        assertThat(new SeriesDetector(SampleKind.COUNT, Direction.DROP, Sensitivity.HIGH, 100)
                        .evaluate(count(0), count(400), Sample.NONE, Sample.NONE)
                        .anomalous())
                .isTrue();
    }

    @Test
    void aLargeDropInAuthorisationSuccessFlagsAsADropAtEverySensitivity() {
        for (Sensitivity sensitivity : Sensitivity.values()) {
            for (Direction direction : new Direction[] {Direction.DROP, Direction.BOTH}) {
                SeriesDetector detector = new SeriesDetector(SampleKind.RATE, direction, sensitivity);

                Verdict verdict = detector.evaluate(rate(400, 1000), rate(900, 1000), rate(890, 1000), rate(905, 1000));

                assertThat(verdict.anomalous())
                        .as("%s %s", sensitivity, direction)
                        .isTrue();
                assertThat(verdict.observed()).isEqualTo(Direction.DROP);
                assertThat(verdict.value()).isEqualTo(0.4);
                assertThat(verdict.expected()).as("the closest reference").isEqualTo(0.89);
                assertThat(verdict.reference()).isEqualTo(Reference.YESTERDAY);
                assertThat(verdict.pValue()).isLessThan(1e-50);
                assertThat(verdict.score()).isEqualTo(100.0);
                assertThat(verdict.volume()).isEqualTo(1000);
            }
        }
    }

    @Test
    void aSmallDipInAHugeSeriesIsSignificantButTooSmallToFlag() {
        SeriesDetector detector = new SeriesDetector(SampleKind.COUNT, Direction.DROP, Sensitivity.HIGH);

        Verdict verdict =
                detector.evaluate(count(90_000), count(100_000), count(100_500), Sample.NONE); // -10%, p ~ 1e-100

        assertThat(verdict.pValue()).isLessThan(1e-10);
        assertThat(verdict.anomalous()).isFalse();
    }

    @Test
    void aRateChangeIsMeasuredOnItsRarerOutcome() {
        // 98% -> 95% success: failures go from 2% to 5%, +150%; on 20,000 attempts that is far from noise
        SeriesDetector detector = new SeriesDetector(SampleKind.RATE, Direction.DROP, Sensitivity.LOW);

        assertThat(detector.evaluate(rate(19_000, 20_000), rate(19_600, 20_000), Sample.NONE, Sample.NONE)
                        .anomalous())
                .isTrue();
    }

    @Test
    void aSmoothDailyCycleOfCountsRaisesNoAlarmsAtMediumButADropInItDoes() {
        // 40 to 200 events a minute over two days. The first day has no yesterday, so the previous minute decides
        // alone there: with a one-sample Poisson test against the previous minute's count this series raises about
        // ten false alarms at MEDIUM, with the two-sample test about one run in seven raises one.
        Random random = new Random(20240305);
        long[] counts = new long[2 * DAY];
        for (int minute = 0; minute < counts.length; minute++) {
            counts[minute] = Traffic.poisson(random, 120 + 80 * Math.sin(2 * Math.PI * minute / DAY));
        }
        SeriesDetector detector = new SeriesDetector(SampleKind.COUNT, Direction.BOTH, Sensitivity.MEDIUM);

        assertThat(anomalousMinutes(detector, counts)).isZero();

        int peak = DAY + DAY / 4; // noon-ish of the second day, the sine's top
        counts[peak] = counts[peak] * 4 / 10;
        assertThat(anomalousMinutes(detector, counts)).isEqualTo(1);
    }

    @Test
    void aSmoothDailyCycleOfRatesRaisesNoAlarmsAtMedium() {
        Random random = new Random(7);
        Sample[] samples = new Sample[2 * DAY];
        for (int minute = 0; minute < samples.length; minute++) {
            double phase = Math.sin(2 * Math.PI * minute / DAY);
            long attempts = Traffic.poisson(random, 400 + 300 * phase);
            double successRate = 0.9 + 0.03 * phase;
            long successes = 0;
            for (long i = 0; i < attempts; i++) {
                successes += random.nextDouble() < successRate ? 1 : 0;
            }
            samples[minute] = rate(successes, attempts);
        }
        SeriesDetector detector = new SeriesDetector(SampleKind.RATE, Direction.BOTH, Sensitivity.MEDIUM);

        int anomalies = 0;
        for (int minute = 1; minute < samples.length; minute++) {
            Sample yesterday = minute >= DAY ? samples[minute - DAY] : Sample.NONE;
            anomalies += detector.evaluate(samples[minute], samples[minute - 1], yesterday, Sample.NONE)
                            .anomalous()
                    ? 1
                    : 0;
        }
        assertThat(anomalies).isZero();
    }

    @Test
    void directionDropIgnoresSpikes() {
        SeriesDetector drops = new SeriesDetector(SampleKind.COUNT, Direction.DROP, Sensitivity.HIGH);
        SeriesDetector spikes = new SeriesDetector(SampleKind.COUNT, Direction.SPIKE, Sensitivity.HIGH);

        Verdict verdict = drops.evaluate(count(3000), count(1000), count(1000), count(1000));

        assertThat(verdict.anomalous()).isFalse();
        assertThat(verdict.observed()).isEqualTo(Direction.SPIKE);
        assertThat(verdict.pValue()).isGreaterThan(0.5);
        assertThat(drops.deviates(count(3000), count(1000))).isFalse();
        assertThat(spikes.evaluate(count(3000), count(1000), count(1000), count(1000))
                        .anomalous())
                .isTrue();
        assertThat(spikes.evaluate(count(300), count(1000), count(1000), count(1000))
                        .anomalous())
                .isFalse();
    }

    @Test
    void bothDirectionsFlagEitherWayButNotAValueBetweenItsReferences() {
        SeriesDetector detector = new SeriesDetector(SampleKind.COUNT, Direction.BOTH, Sensitivity.MEDIUM);

        assertThat(detector.evaluate(count(3000), count(1000), count(1000), Sample.NONE)
                        .observed())
                .isEqualTo(Direction.SPIKE);
        assertThat(detector.evaluate(count(3000), count(1000), count(1000), Sample.NONE)
                        .anomalous())
                .isTrue();
        assertThat(detector.evaluate(count(300), count(1000), count(1000), Sample.NONE)
                        .anomalous())
                .isTrue();
        // a drop from the previous minute but a spike from yesterday: not one coherent anomaly
        assertThat(detector.evaluate(count(500), count(1000), count(100), Sample.NONE)
                        .anomalous())
                .isFalse();
    }

    @Test
    void theTwoSidedPValueIsTwiceTheOneSided() {
        Sample current = count(70);
        Sample previous = count(130);
        double oneSided = new SeriesDetector(SampleKind.COUNT, Direction.DROP, Sensitivity.MEDIUM)
                .evaluate(current, previous, Sample.NONE, Sample.NONE)
                .pValue();
        double twoSided = new SeriesDetector(SampleKind.COUNT, Direction.BOTH, Sensitivity.MEDIUM)
                .evaluate(current, previous, Sample.NONE, Sample.NONE)
                .pValue();

        assertThat(oneSided).isEqualTo(Significance.binomialHalfAtMost(70, 200));
        assertThat(twoSided).isEqualTo(2 * oneSided);
    }

    @Test
    void missingYesterdayAndLastWeekFallBackToThePreviousMinute() {
        SeriesDetector detector = new SeriesDetector(SampleKind.COUNT, Direction.DROP, Sensitivity.MEDIUM);

        Verdict alone = detector.evaluate(count(400), count(1000), Sample.NONE, Sample.NONE);
        assertThat(alone.anomalous()).isTrue();
        assertThat(alone.reference()).isEqualTo(Reference.PREVIOUS_MINUTE);
        assertThat(alone.expected()).isEqualTo(1000.0);

        Verdict tooSmallToCount = detector.evaluate(count(400), count(1000), count(12), count(0));
        assertThat(tooSmallToCount.anomalous()).isTrue();
        assertThat(tooSmallToCount.reference()).isEqualTo(Reference.PREVIOUS_MINUTE);
    }

    @Test
    void aUsableLongReferenceThatAgreesWithTheCurrentMinuteVetoesTheAlarm() {
        // the evening fall: a sharp drop from the previous minute, but yesterday looked the same
        SeriesDetector detector = new SeriesDetector(SampleKind.COUNT, Direction.DROP, Sensitivity.HIGH);

        Verdict verdict = detector.evaluate(count(400), count(1000), count(420), Sample.NONE);

        assertThat(verdict.anomalous()).isFalse();
        assertThat(verdict.reference()).isEqualTo(Reference.YESTERDAY);
        assertThat(verdict.expected()).isEqualTo(420.0);
        assertThat(verdict.pValue()).as("the weakest evidence").isGreaterThan(0.2);
        assertThat(detector.evaluate(count(400), count(1000), count(1000), count(410))
                        .anomalous())
                .as("last week vetoes too")
                .isFalse();
    }

    @Test
    void withoutAUsablePreviousMinuteNothingIsFlagged() {
        SeriesDetector detector = new SeriesDetector(SampleKind.COUNT, Direction.DROP, Sensitivity.HIGH);

        assertThat(detector.evaluate(count(0), Sample.NONE, count(1000), count(1000))
                        .anomalous())
                .isFalse();
        assertThat(detector.evaluate(count(0), count(5), count(1000), count(1000))
                        .anomalous())
                .isFalse();
        assertThat(detector.evaluate(Sample.NONE, count(1000), count(1000), count(1000))
                        .anomalous())
                .isFalse();
    }

    @Test
    void deviatesIsFalseOnceTheSeriesRecovers() {
        SeriesDetector counts = new SeriesDetector(SampleKind.COUNT, Direction.DROP, Sensitivity.MEDIUM);
        SeriesDetector rates = new SeriesDetector(SampleKind.RATE, Direction.DROP, Sensitivity.MEDIUM);
        Sample countBaseline = count(1000);
        Sample rateBaseline = rate(900, 1000);

        assertThat(counts.deviates(count(300), countBaseline)).isTrue();
        assertThat(counts.deviates(count(850), countBaseline)).isFalse();
        assertThat(counts.deviates(count(1100), countBaseline)).isFalse();
        assertThat(rates.deviates(rate(400, 1000), rateBaseline)).isTrue();
        assertThat(rates.deviates(rate(885, 1000), rateBaseline)).isFalse();
        assertThat(rates.deviates(rate(0, 0), rateBaseline))
                .as("no attempts: nothing to test")
                .isFalse();
    }

    @Test
    void samplesRejectImpossibleValues() {
        assertThatThrownBy(() -> new Sample(5, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sample.count(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Sample.NONE.isNone()).isTrue();
        assertThat(Sample.count(0).isNone()).isFalse();
        assertThatThrownBy(() -> new SeriesDetector(SampleKind.COUNT, Direction.DROP, Sensitivity.LOW, 0))
                .isInstanceOf(IllegalArgumentException.class);
        SeriesDetector detector = new SeriesDetector(SampleKind.COUNT, Direction.DROP, Sensitivity.LOW);
        assertThatThrownBy(() -> detector.evaluate(count(1), null, Sample.NONE, Sample.NONE))
                .isInstanceOf(NullPointerException.class);
    }

    private static int anomalousMinutes(SeriesDetector detector, long[] counts) {
        int anomalies = 0;
        for (int minute = 1; minute < counts.length; minute++) {
            Sample yesterday = minute >= DAY ? count(counts[minute - DAY]) : Sample.NONE;
            Verdict verdict =
                    detector.evaluate(count(counts[minute]), count(counts[minute - 1]), yesterday, Sample.NONE);
            anomalies += verdict.anomalous() ? 1 : 0;
        }
        return anomalies;
    }

    private static Sample count(long events) {
        return Sample.count(events);
    }

    private static Sample rate(long successes, long attempts) {
        return new Sample(successes, attempts);
    }
}
