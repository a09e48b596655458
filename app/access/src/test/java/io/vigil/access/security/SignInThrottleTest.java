package io.vigil.access.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.access.config.AccessSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle of failed sign-ins, on a clock the test moves. */
class SignInThrottleTest {

    private static final AccessSettings.SignIn SETTINGS = AccessSettings.SignIn.defaults(); // 5 / 20 in 15 min

    private final MovingClock clock = new MovingClock();
    private final SignInThrottle throttle = new SignInThrottle(SETTINGS, clock);

    @Test
    void fiveFailuresForAUsernameRefuseItForAMinuteFromAnyAddress() {
        for (int i = 1; i <= 4; i++) {
            throttle.failed("alice", "10.0.0." + i);
            assertThat(throttle.refusal("alice", "10.0.0.9"))
                    .as("after %d failures", i)
                    .isEmpty();
        }
        throttle.failed("alice", "10.0.0.5");

        assertThat(throttle.refusal("alice", "10.0.0.9")).contains(Duration.ofMinutes(1));
        assertThat(throttle.refusal("bob", "10.0.0.1"))
                .as("another user, from one of the addresses")
                .isEmpty();
        clock.move(Duration.ofSeconds(59));
        assertThat(throttle.refusal("alice", "10.0.0.9")).contains(Duration.ofSeconds(1));
        clock.move(Duration.ofSeconds(1));
        assertThat(throttle.refusal("alice", "10.0.0.9")).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheDelayUpToTheMaximum() {
        failTimes("alice", 5);
        assertThat(throttle.refusal("alice", null)).contains(Duration.ofMinutes(1));

        for (long expected : new long[] {2, 4, 8, 16, 32, 60, 60}) {
            clock.move(throttle.refusal("alice", null).orElseThrow());
            throttle.failed("alice", null);
            assertThat(throttle.refusal("alice", null)).contains(Duration.ofMinutes(expected));
        }
    }

    @Test
    void failuresFarApartAreForgotten() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("alice", "10.0.0.1");
            clock.move(Duration.ofMinutes(16));
        }

        assertThat(throttle.refusal("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void theCountIsForgottenOnlyAWindowAfterTheRefusalEnds() {
        failTimes("alice", 5);
        clock.move(Duration.ofMinutes(1).plus(Duration.ofMinutes(14)));

        throttle.failed("alice", null);

        assertThat(throttle.refusal("alice", null)).as("the sixth failure").contains(Duration.ofMinutes(2));
    }

    @Test
    void aSuccessForgetsTheUsernamesFailures() {
        failTimes("alice", 4);
        throttle.succeeded("alice");
        throttle.failed("alice", null);

        assertThat(throttle.refusal("alice", null)).isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressRefuseItWhateverTheName() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("user" + i, "203.0.113.7");
        }
        assertThat(throttle.refusal("someone", "203.0.113.7")).isEmpty();

        throttle.failed("user19", "203.0.113.7");

        assertThat(throttle.refusal("someone", "203.0.113.7")).contains(Duration.ofMinutes(1));
        assertThat(throttle.refusal("someone", "203.0.113.8")).isEmpty();
        throttle.succeeded("someone");
        assertThat(throttle.refusal("someone", "203.0.113.7"))
                .as("a success elsewhere")
                .isPresent();
    }

    @Test
    void theMemoryStaysBoundedUnderASprayOfNames() {
        for (int i = 0; i < SignInThrottle.MAX_TRACKED + 10; i++) {
            throttle.failed("spray-" + i, null);
        }

        assertThat(throttle.tracked()).isLessThanOrEqualTo(SignInThrottle.MAX_TRACKED);
    }

    private void failTimes(String username, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, null);
        }
    }

    /** A clock that stands still until told to move. */
    static final class MovingClock extends Clock {

        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
