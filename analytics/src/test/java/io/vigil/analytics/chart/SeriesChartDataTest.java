package io.vigil.analytics.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeriesChartDataTest {

    private static final Instant T0 = Instant.parse("2025-03-04T12:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    @Test
    void refusesSeriesThatAreNotAlignedWithTheMinutes() {
        assertThatThrownBy(() -> new ChartData("t", "s", List.of(T0, T1), new double[] {1}, null, null, false, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("today has 1 values for 2 minutes");
        assertThatThrownBy(() -> new ChartData(
                        "t", "s", List.of(T0, T1), new double[] {1, 2}, new double[] {1}, null, false, null))
                .hasMessageContaining("yesterday");
    }

    @Test
    void refusesMinutesOutOfOrder() {
        assertThatThrownBy(() -> new ChartData("t", "s", List.of(T1, T0), new double[] {1, 2}, null, null, false, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascending");
    }

    @Test
    void cannotBeChangedThroughTheArraysItWasMadeFromOrGaveOut() {
        double[] today = {1, 2};
        ChartData data = new ChartData("t", "s", List.of(T0, T1), today, null, null, false, Set.of());

        today[0] = 99;
        data.today()[1] = 99;

        assertThat(data.today()).containsExactly(1, 2);
        assertThat(data.yesterday()).containsOnly(Double.NaN);
        assertThat(data)
                .isEqualTo(new ChartData("t", "s", List.of(T0, T1), new double[] {1, 2}, null, null, false, null));
    }
}
