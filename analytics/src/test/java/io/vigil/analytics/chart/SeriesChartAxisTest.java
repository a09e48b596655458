package io.vigil.analytics.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The y axis of {@link SeriesChart}: round ticks a reader can interpolate between. */
class SeriesChartAxisTest {

    @Test
    void ratesGetRoundPercentTicks() {
        AxisScale scale = AxisScale.covering(90.6, 98.3, 5, true);

        assertThat(scale.ticks()).containsExactly(90.0, 92.0, 94.0, 96.0, 98.0, 100.0);
        assertThat(scale.ticks().stream().map(scale::label).toList())
                .containsExactly("90%", "92%", "94%", "96%", "98%", "100%");
    }

    @Test
    void ratesNeverGoAboveOneHundredPercent() {
        AxisScale scale = AxisScale.covering(99.2, 100, 5, true);

        assertThat(scale.high()).isEqualTo(100.0);
        assertThat(scale.label(99.2)).isEqualTo("99.2%");
    }

    @Test
    void aFlatSeriesGetsRoomAroundIt() {
        AxisScale scale = AxisScale.covering(100, 100, 5, true);

        assertThat(scale.low()).isLessThan(100);
        assertThat(scale.high()).isEqualTo(100.0);
        AxisScale zeros = AxisScale.covering(0, 0, 5, false);
        assertThat(zeros.low()).isZero();
        assertThat(zeros.high()).isPositive();
    }

    @Test
    void largeCountsAreWrittenInThousandsOrMillions() {
        AxisScale thousands = AxisScale.covering(8_800, 15_200, 4, false);
        AxisScale millions = AxisScale.covering(1_200_000, 2_600_000, 4, false);

        assertThat(thousands.ticks().stream().map(thousands::label).toList())
                .containsExactly("8k", "10k", "12k", "14k", "16k");
        assertThat(millions.ticks().stream().map(millions::label).toList())
                .containsExactly("1.0M", "1.5M", "2.0M", "2.5M", "3.0M");
    }

    @Test
    void smallCountsHaveThousandsSeparatorsAndOnlyTheDecimalsTheStepNeeds() {
        AxisScale scale = AxisScale.covering(1_000, 7_000, 4, false);
        AxisScale quarters = AxisScale.covering(0, 1, 4, false);

        assertThat(scale.label(2_500)).isEqualTo("2,500");
        assertThat(quarters.ticks().stream().map(quarters::label).toList())
                .containsExactly("0.00", "0.25", "0.50", "0.75", "1.00");
    }

    @Test
    void nonNegativeDataNeverGetsANegativeAxisButNegativeDataDoes() {
        assertThat(AxisScale.covering(0.4, 3, 5, false).low()).isZero();
        AxisScale crossing = AxisScale.covering(-3, 7, 5, false);

        assertThat(crossing.low()).isNegative();
        assertThat(crossing.ticks().stream().map(crossing::label).toList())
                .contains("0")
                .doesNotContain("-0");
    }

    @Test
    void stepsAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        assertThat(List.of(
                        AxisScale.niceStep(0.013),
                        AxisScale.niceStep(0.21),
                        AxisScale.niceStep(2.2),
                        AxisScale.niceStep(31),
                        AxisScale.niceStep(700)))
                .containsExactly(0.02, 0.25, 2.5, 50.0, 1000.0);
    }
}
