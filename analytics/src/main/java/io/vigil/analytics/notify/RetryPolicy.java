package io.vigil.analytics.notify;

import java.time.Duration;
import java.util.Optional;

/** Exponential backoff for webhook deliveries: 1 s, 2 s, 4 s, … capped, for at most {@code maxAttempts}. */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofSeconds(1), 2, Duration.ofMinutes(5));
    }

    /** The wait before attempt {@code attempt} (2 = the first retry); empty when no attempts are left. */
    public Optional<Duration> delayBefore(int attempt) {
        if (attempt < 2 || attempt > maxAttempts) {
            return Optional.empty();
        }
        double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 2);
        return Optional.of(Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis())));
    }
}
