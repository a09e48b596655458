package io.vigil.analytics.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a failed webhook delivery is tried again ({@link RetryPolicy}). */
class WebhookRetryPolicyTest {

    @Test
    void byDefaultTriesEightTimesDoublingTheWaitFromOneSecond() {
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            delays.add(RetryPolicy.DEFAULT.delayBefore(attempt).orElseThrow());
        }

        assertThat(delays)
                .containsExactly(
                        Duration.ZERO,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(32),
                        Duration.ofSeconds(64));
        assertThat(RetryPolicy.DEFAULT.delayBefore(9)).isEmpty();
        assertThat(RetryPolicy.DEFAULT.delayBefore(100)).isEmpty();
    }

    @Test
    void neverWaitsLongerThanTheMaximumDelay() {
        RetryPolicy patient = new RetryPolicy(2_000, Duration.ofSeconds(1), 2, Duration.ofMinutes(5), 0);

        assertThat(patient.delayBefore(10)).contains(Duration.ofSeconds(256));
        assertThat(patient.delayBefore(11)).contains(Duration.ofMinutes(5));
        assertThat(patient.delayBefore(2_000)).contains(Duration.ofMinutes(5));
        assertThat(patient.delayBefore(2_001)).isEmpty();
    }

    @Test
    void jitterShortensTheWaitByUpToItsShare() {
        RetryPolicy jittery = new RetryPolicy(8, Duration.ofSeconds(1), 2, Duration.ofMinutes(5), 0.5);

        assertThat(jittery.delayBefore(3, () -> 0.0)).contains(Duration.ofSeconds(2));
        assertThat(jittery.delayBefore(3, () -> 0.5)).contains(Duration.ofMillis(1500));
        assertThat(jittery.delayBefore(3, () -> 0.999)).contains(Duration.ofMillis(1001));
        assertThat(jittery.delayBefore(3).orElseThrow()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void refusesPoliciesThatMakeNoSense() {
        Duration second = Duration.ofSeconds(1);
        Duration minute = Duration.ofMinutes(1);

        assertThatThrownBy(() -> new RetryPolicy(0, second, 2, minute, 0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(8, minute, 2, second, 0)).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> new RetryPolicy(8, second, 0.5, minute, 0)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(8, second, 2, minute, 1.5)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.delayBefore(0)).hasMessageContaining("from 1");
    }

    @Test
    void aSingleAttemptPolicyNeverRetries() {
        RetryPolicy once = new RetryPolicy(1, Duration.ofSeconds(1), 2, Duration.ofMinutes(5), 0);

        assertThat(once.delayBefore(1)).isEqualTo(Optional.of(Duration.ZERO));
        assertThat(once.delayBefore(2)).isEmpty();
    }
}
