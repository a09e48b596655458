package io.vigil.web.reviews;

import java.time.Duration;
import java.time.Instant;

/** How long a transaction has waited in the queue, as the queue's table shows it ({@code 42 s}, {@code 12 min}). */
final class Waiting {

    private Waiting() {}

    static String since(Instant decidedAt, Instant now) {
        Duration waited = Duration.between(decidedAt, now);
        if (waited.isNegative() || waited.toSeconds() < 60) {
            return Math.max(0, waited.toSeconds()) + " s";
        }
        if (waited.toMinutes() < 120) {
            return waited.toMinutes() + " min";
        }
        if (waited.toHours() < 48) {
            return waited.toHours() + " h";
        }
        return waited.toDays() + " d";
    }
}
