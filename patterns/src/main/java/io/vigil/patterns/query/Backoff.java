package io.vigil.patterns.query;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Waits between reconnections: {@code min}, doubling with each failure in a row up to {@code max}, each wait drawn
 * between half and all of that, so that the nodes that lost the store at the same moment do not all come back at the
 * same moment.
 */
final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private int failures;

    /** @param random values from 0 (inclusive) to 1 (exclusive) */
    Backoff(Duration min, Duration max, DoubleSupplier random) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.random = random;
    }

    /** The wait before the next attempt, after one more failure. */
    Duration next() {
        long ceiling = minMillis;
        for (int i = 0; i < failures && ceiling < maxMillis; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maxMillis);
        failures++;
        long half = ceiling / 2;
        return Duration.ofMillis(ceiling - half + (long) (random.getAsDouble() * half));
    }

    /** After a success: the next failure waits {@code min} again. */
    void reset() {
        failures = 0;
    }
}
