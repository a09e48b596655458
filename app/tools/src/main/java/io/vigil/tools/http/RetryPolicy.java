package io.vigil.tools.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long the tools keep trying a request to Vigil. The requests the tools retry are safe to send again (Vigil ignores
 * event ids it already stored and answers a resubmitted transaction with its first decision), so every doubtful case
 * is retried: {@code 503} and {@code 429} after the {@code Retry-After} Vigil asks for, for as long as
 * {@link #overloadedFor()}; a connection failure, a timeout or a {@code 500/502/504} with growing pauses, up to
 * {@link #attempts()} times.
 *
 * @param attempts tries per request when the connection fails, times out or Vigil answers 500, 502 or 504
 * @param firstPause pause after the first such failure; it doubles after each one
 * @param longestPause the longest pause between tries, and the longest {@code Retry-After} obeyed
 * @param overloadedFor how long a request may keep meeting {@code 503} or {@code 429} before the tool gives up
 */
public record RetryPolicy(int attempts, Duration firstPause, Duration longestPause, Duration overloadedFor) {

    /** What people get: eight tries over about a minute, and ten minutes of patience with an overloaded Vigil. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofMinutes(10));

    /**
     * No retries: the first answer is final, and an overload answer is a failure. For benchmarks, whose figures must
     * show every error rather than hide it behind a retry.
     */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
    }

    /** Whether Vigil answered "later": load shedding, which is waited out rather than counted as a failure. */
    static boolean overloaded(int status) {
        return status == 503 || status == 429;
    }

    /** Whether the answer is a server failure worth another try. */
    static boolean transientFailure(int status) {
        return status == 500 || status == 502 || status == 504;
    }

    /** The pause after the given number of failures in a row: doubling from the first pause, at most the longest. */
    Duration pauseAfter(int failures) {
        long millis = firstPause.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, longestPause.toMillis()));
    }

    /** The pause Vigil asks for in {@code Retry-After}, in seconds or as an HTTP date, at most the longest pause. */
    Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        return headers.firstValue("Retry-After").flatMap(value -> {
            Duration wait;
            try {
                wait = Duration.ofSeconds(Long.parseLong(value.strip()));
            } catch (NumberFormatException notSeconds) {
                try {
                    wait = Duration.between(
                            now, ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                } catch (DateTimeParseException neither) {
                    return Optional.empty();
                }
            }
            if (wait.isNegative()) {
                wait = Duration.ZERO;
            }
            return Optional.of(wait.compareTo(longestPause) > 0 ? longestPause : wait);
        });
    }
}
