package io.vigil.web.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stability index against values worked out by hand. */
class PopulationStabilityTest {

    @Test
    void theIndexSumsEachBinsShiftTimesTheLogOfItsRatio() {
        // slice 50% / 50%, live 30 / 70: (0.3 - 0.5) ln(0.3 / 0.5) + (0.7 - 0.5) ln(0.7 / 0.5)
        //   = 0.2 × 0.510826 + 0.2 × 0.336472 = 0.169460
        assertThat(PopulationStability.index(List.of(0.5, 0.5), List.of(30L, 70L)))
                .isCloseTo(0.169460, within(1e-6));
        assertThat(PopulationStability.index(List.of(0.25, 0.75), List.of(25L, 75L)))
                .isZero();
    }

    @Test
    void anEmptyBinCountsAsOneInTenThousand() {
        // slice 90% / 10% / 0%, live 0 / 50 / 50: the empty shares count 0.0001
        double expected = (0.0001 - 0.9) * Math.log(0.0001 / 0.9)
                + (0.5 - 0.1) * Math.log(0.5 / 0.1)
                + (0.5 - 0.0001) * Math.log(0.5 / 0.0001);
        // by hand: 0.8999 × 9.1049 = 8.1936, 0.4 × 1.6094 = 0.6438, 0.4999 × 8.5172 = 4.2577
        assertThat(expected).isCloseTo(13.0951, within(1e-3));
        assertThat(PopulationStability.index(List.of(0.9, 0.1, 0.0), List.of(0L, 50L, 50L)))
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void withoutLiveScoresThereIsNoIndex() {
        assertThat(PopulationStability.index(List.of(0.5, 0.5), List.of(0L, 0L)))
                .isNaN();
        assertThat(PopulationStability.index(List.of(0.5, 0.5), List.of(1L, 2L, 3L)))
                .isNaN();
        assertThat(PopulationStability.verdict(0.05)).isEqualTo("stable");
        assertThat(PopulationStability.verdict(0.17)).isEqualTo("a moderate shift");
        assertThat(PopulationStability.verdict(0.4)).isEqualTo("a large shift");
    }
}
