package io.vigil.analytics.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows for minutes the evaluator has read already move the version that makes it read everything again. */
class LateRollupsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T05:00:30Z");
    private final LateRollups late = new LateRollups(Clock.fixed(NOW, ZoneOffset.UTC));

    private static ProjectionRow row(Instant at) {
        return new ProjectionRow("k", at, new Object[0]);
    }

    @Test
    void onlyBatchesWithRowsOlderThanTwoMinutesMoveTheVersion() {
        late.written(List.of(row(NOW.minusSeconds(20)), row(NOW.minusSeconds(90))));
        assertThat(late.version())
                .as("the minute being filled and the one before")
                .isZero();

        late.written(List.of(row(NOW.minusSeconds(10)), row(NOW.minusSeconds(3 * 86_400))));
        assertThat(late.version()).as("an imported row of three days ago").isEqualTo(1);

        late.written(List.of());
        assertThat(late.version()).isEqualTo(1);
    }
}
