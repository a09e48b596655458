package io.vigil.patterns.api;

import java.util.Locale;

/** What an analyst-defined feature computes over its window. */
public enum FeatureAggregation {
    /** How many transactions (an int). */
    COUNT,
    /** The sum of their amounts (a double). */
    SUM,
    /** The mean of their amounts, 0 when there are none (a double). */
    AVG,
    /** How many distinct values of a field they carried (an int). */
    DISTINCT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The aggregation named {@code count}, {@code sum}, {@code avg} or {@code distinct}; null for anything else. */
    public static FeatureAggregation parse(String name) {
        if (name == null) {
            return null;
        }
        for (FeatureAggregation a : values()) {
            if (a.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        return null;
    }

    /** True when the feature's value is an integer in the pattern language. */
    public boolean integral() {
        return this == COUNT || this == DISTINCT;
    }
}
