package io.vigil.analytics.notify;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a notification says about one alert, taken from the alert when it fires or resolves. It is the one
 * input of every message format, so that Slack and webhook receivers are told the same facts.
 *
 * <p>{@code dimensions} name the monitored series ({@code merchant=m-42, country=SE}) in the order the monitor
 * declares them, which is the order messages show them in. {@code value} is the series' value at {@code minute},
 * {@code expected} what the monitor expected from {@code reference}; {@code unit} says how to show both. {@code
 * expected}, {@code pValue} and {@code score} may be {@link Double#NaN} when a monitor does not compute them;
 * messages then leave them out (Slack) or write {@code null} (generic webhook). {@code detailUrl} (the drill-down page)
 * and {@code chartUrl} (the PNG) may be null when there is no such page or chart.
 */
public record AlertNotice(
        String alertId,
        String monitorId,
        String monitorName,
        State state,
        Map<String, String> dimensions,
        String metric,
        Unit unit,
        double value,
        double expected,
        Reference reference,
        double pValue,
        double score,
        Instant minute,
        URI detailUrl,
        URI chartUrl) {

    /** Whether the alert has just started or has just ended. */
    public enum State {
        FIRING,
        RESOLVED;

        /** The name in messages: {@code firing} or {@code resolved}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The state with the given {@link #wireName()}. */
        public static State ofWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** What the value was compared with. */
    public enum Reference {
        PREVIOUS_MINUTE("the previous minute"),
        YESTERDAY("the same minute yesterday"),
        LAST_WEEK("the same minute last week"),
        BASELINE("the usual level at this time of day and week");

        private final String phrase;

        Reference(String phrase) {
            this.phrase = phrase;
        }

        /** The name in messages: {@code previous_minute}, {@code yesterday}, {@code last_week} or {@code baseline}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The reference with the given {@link #wireName()}. */
        public static Reference ofWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        /** How a sentence names it: "the same minute yesterday". */
        public String phrase() {
            return phrase;
        }
    }

    /**
     * How to read and show the numbers. A monitor knows whether it watches a ratio or a count; a message cannot guess
     * it from the label.
     */
    public enum Unit {
        /** A ratio between 0 and 1, shown in percent: 0.973 is "97.3%". */
        RATE,
        /** A number of things, shown whole with thousands separators: "12,345". */
        COUNT,
        /** Any other quantity (an amount, a duration), shown with up to two decimals: "1,234.5". */
        NUMBER;

        /** The name in messages: {@code rate}, {@code count} or {@code number}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The unit with the given {@link #wireName()}. */
        public static Unit ofWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public AlertNotice {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(monitorId, "monitorId");
        monitorName = monitorName == null || monitorName.isBlank() ? monitorId : monitorName;
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(minute, "minute");
        Map<String, String> ordered = new LinkedHashMap<>();
        dimensions.forEach((name, dimensionValue) -> ordered.put(
                Objects.requireNonNull(name, "dimension name"),
                Objects.requireNonNull(dimensionValue, () -> "value of dimension " + name)));
        dimensions = Collections.unmodifiableMap(ordered);
    }

    /** The dimensions as people write them: {@code merchant=m-42, country=SE}; "all" when there are none. */
    public String series() {
        if (dimensions.isEmpty()) {
            return "all";
        }
        StringBuilder text = new StringBuilder();
        dimensions.forEach((name, dimensionValue) -> {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(name).append('=').append(dimensionValue);
        });
        return text.toString();
    }
}
