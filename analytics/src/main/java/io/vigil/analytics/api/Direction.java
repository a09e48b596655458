package io.vigil.analytics.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which way a monitored metric has to move before it counts as an anomaly. Part of a monitor's definition: a payment
 * success rate only matters when it drops, a decline count when it spikes, traffic volume both ways. Stored and sent
 * by its {@link #wireName()}, so renaming a constant does not break saved monitors.
 */
public enum Direction {
    /** The metric fell below what was expected. */
    DROP("drop"),
    /** The metric rose above what was expected. */
    SPIKE("spike"),
    /** Either way; a detector then tests the side the current value is on, with a two-sided p-value. */
    BOTH("both");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in monitor definitions, the REST API and command-line options. */
    public String wireName() {
        return wireName;
    }

    /**
     * The direction with this wire name, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the valid values, when the name is missing or unknown
     */
    public static Direction fromWire(String name) {
        if (name != null) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            for (Direction direction : values()) {
                if (direction.wireName.equals(wanted)) {
                    return direction;
                }
            }
        }
        throw new IllegalArgumentException((name == null ? "direction is missing" : "unknown direction '" + name + "'")
                + "; valid values: "
                + Arrays.stream(values()).map(Direction::wireName).collect(Collectors.joining(", ")));
    }
}
