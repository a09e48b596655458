package io.vigil.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A live run that starts "now" plays items at their own wall-clock time, whatever planning the run took. */
class TrafficSenderPaceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T04:45:00Z");
    private static final long START = 1_000_000_000_000L;

    @Test
    void aRunFromNowThatTookMinutesToPlanCatchesUp() {
        long pace = TrafficSender.paceFrom(START, NOW.minusSeconds(180), NOW, 1);

        assertThat(START - pace).as("the 3 minutes spent planning").isEqualTo(180_000_000_000L);
    }

    @Test
    void otherRunsPlayFromTheirFirstItem() {
        assertThat(TrafficSender.paceFrom(START, NOW.minusSeconds(3_600), NOW, 1))
                .as("an hour ago: played from now, as before")
                .isEqualTo(START);
        assertThat(TrafficSender.paceFrom(START, NOW.minusSeconds(60), NOW, 10))
                .as("at ten times real speed")
                .isEqualTo(START);
        assertThat(TrafficSender.paceFrom(START, NOW.plusSeconds(60), NOW, 1))
                .as("starting in a minute")
                .isEqualTo(START);
    }
}
