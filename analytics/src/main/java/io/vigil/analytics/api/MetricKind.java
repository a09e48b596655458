package io.vigil.analytics.api;

/**
 * What a monitor measures per series and minute: the count of an operation, its conversion rate (successes over
 * attempts), or the rate from one funnel step to the next (successful {@code toOperation}s over {@code operation}
 * attempts, e.g. orders per session).
 */
public enum MetricKind {
    COUNT,
    CONVERSION,
    FUNNEL;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static MetricKind fromWire(String name) {
        for (MetricKind k : values()) {
            if (k.wireName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("metric '" + name + "' is unknown; use count, conversion or funnel");
    }
}
