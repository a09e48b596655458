package io.vigil.patterns.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsDoubleWithEachFailureUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), () -> 0.999_999);

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(199));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(399));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(799));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(1599));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(1999));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(1999));
    }

    @Test
    void eachWaitIsBetweenHalfAndAllOfItsCeilingSoThatNodesDoNotReconnectTogether() {
        Backoff low = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), () -> 0.0);
        Backoff high = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), () -> 0.999_999);

        for (int i = 0; i < 6; i++) {
            long ceiling = Math.min(2000, 200L << i);
            assertThat(low.next()).isEqualTo(Duration.ofMillis(ceiling / 2));
            assertThat(high.next()).isBetween(Duration.ofMillis(ceiling / 2), Duration.ofMillis(ceiling));
        }
    }

    @Test
    void aSuccessStartsTheWaitsAgainFromTheMinimum() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), () -> 0.5);
        backoff.next();
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void manyFailuresInARowDoNotOverflowTheWait() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), () -> 0.5);
        for (int i = 0; i < 10_000; i++) {
            backoff.next();
        }

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(1500));
    }
}
