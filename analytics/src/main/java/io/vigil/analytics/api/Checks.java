package io.vigil.analytics.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Validation shared by the alert commands; each failure names the component it is about. */
final class Checks {

    private Checks() {}

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** A required line of text with its length limit and no control characters ({@link MonitoringRules}). */
    static String requireText(String value, String name, int max) {
        return MonitoringRules.requireText(name, value, max);
    }

    static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** Blank optional text is stored as {@code null}, so "no note" has one representation. */
    static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** As above, free text of several lines at most {@code max} long, with no control characters but line breaks. */
    static String optionalText(String value, String name, int max) {
        return optionalText(MonitoringRules.freeText(name, value, max));
    }

    static Instant requireMinute(Instant minute) {
        require(minute, "minute");
        if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
            throw new IllegalArgumentException("minute must be the start of a minute, not " + minute);
        }
        return minute;
    }

    static Map<String, String> series(Map<String, String> series) {
        if (series == null) {
            return Map.of();
        }
        series.forEach((name, value) -> {
            if (name == null || value == null) {
                throw new IllegalArgumentException("series dimension names and values must not be null");
            }
        });
        return Map.copyOf(series);
    }
}
