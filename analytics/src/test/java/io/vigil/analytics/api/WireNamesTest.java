package io.vigil.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireNamesTest {

    @Test
    void everyConstantRoundTripsThroughItsWireName() {
        for (Direction direction : Direction.values()) {
            assertThat(direction.wireName()).isEqualTo(direction.name().toLowerCase());
            assertThat(Direction.fromWire(direction.wireName())).isSameAs(direction);
        }
        for (Sensitivity sensitivity : Sensitivity.values()) {
            assertThat(sensitivity.wireName()).isEqualTo(sensitivity.name().toLowerCase());
            assertThat(Sensitivity.fromWire(sensitivity.wireName())).isSameAs(sensitivity);
        }
    }

    @Test
    void wireNamesAreReadIgnoringCaseAndBlanks() {
        assertThat(Direction.fromWire(" Spike ")).isSameAs(Direction.SPIKE);
        assertThat(Sensitivity.fromWire("HIGH")).isSameAs(Sensitivity.HIGH);
    }

    @Test
    void anUnknownOrMissingNameIsRejectedWithTheValidValues() {
        assertThatThrownBy(() -> Direction.fromWire("down"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown direction 'down'; valid values: drop, spike, both");
        assertThatThrownBy(() -> Sensitivity.fromWire(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sensitivity is missing; valid values: low, medium, high");
    }
}
