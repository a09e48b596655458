package io.vigil.analytics.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When to try a failed delivery again: exponential back-off, so that a receiver that is down for a moment gets the
 * alert soon after it is back, and one that is down for longer is not hammered. {@link WebhookSender} makes one
 * attempt; whoever keeps the deliveries (the outbox) asks this policy when to make the next one, and stops when it
 * says there is none.
 *
 * <p>Attempts are numbered from 1. The first attempt is made at once; attempt {@code n ≥ 2} waits {@code
 * initialDelay × multiplier^(n-2)}, at most {@code maxDelay}: with the defaults 1 s, 2 s, 4 s … 64 s before attempts
 * 2 to 8, about two minutes in all, after which the delivery is given up and stays failed.
 *
 * <p>{@code jitter} (0 to 1, default 0) shortens each delay by a random share up to that fraction, so that many
 * deliveries failing together do not all retry in the same second. Tests pass their own random numbers to {@link
 * #delayBefore(int, DoubleSupplier)} to stay deterministic.
 *
 * <p>The defaults apply when Spring Boot binds the policy from configuration without a value.
 */
public record RetryPolicy(
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1s") Duration initialDelay,
        @DefaultValue("2") double multiplier,
        @DefaultValue("5m") Duration maxDelay,
        @DefaultValue("0") double jitter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(1), 2, Duration.ofMinutes(5), 0);

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= initialDelay <= maxDelay, not " + initialDelay + " and " + maxDelay);
        }
        if (!(multiplier >= 1)) {
            throw new IllegalArgumentException("multiplier must be at least 1, not " + multiplier);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, not " + jitter);
        }
    }

    /**
     * How long to wait before attempt number {@code attemptNumber} (1 = the first attempt, which does not wait);
     * empty when that attempt is beyond {@link #maxAttempts}.
     */
    public Optional<Duration> delayBefore(int attemptNumber) {
        return delayBefore(attemptNumber, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** As {@link #delayBefore(int)}, with the jitter drawn from {@code random} (values in [0, 1)). */
    public Optional<Duration> delayBefore(int attemptNumber, DoubleSupplier random) {
        if (attemptNumber < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1, not " + attemptNumber);
        }
        if (attemptNumber > maxAttempts) {
            return Optional.empty();
        }
        if (attemptNumber == 1) {
            return Optional.of(Duration.ZERO);
        }
        double millis = initialDelay.toMillis() * Math.pow(multiplier, attemptNumber - 2);
        millis = Math.min(millis, maxDelay.toMillis()); // also keeps an overflowing power finite
        if (jitter > 0) {
            millis -= millis * jitter * random.getAsDouble();
        }
        return Optional.of(Duration.ofMillis(Math.round(millis)));
    }
}
