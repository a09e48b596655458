package io.vigil.analytics.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How readily a monitor raises an alert. Part of a monitor's definition; people choose it by how much a missed
 * incident costs against how much a false page costs, so it is a coarse choice of three rather than a raw p-value.
 * What each level means in numbers belongs to the detector (see {@code io.vigil.analytics.detect.SeriesDetector} and
 * docs/monitoring.md). Stored and sent by its {@link #wireName()}.
 */
public enum Sensitivity {
    /** Only large, unmistakable changes: for noisy metrics or for monitors that page someone at night. */
    LOW("low"),
    /** The default. */
    MEDIUM("medium"),
    /** Smaller changes too, at the price of more alerts. */
    HIGH("high");

    private final String wireName;

    Sensitivity(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in monitor definitions, the REST API and command-line options. */
    public String wireName() {
        return wireName;
    }

    /**
     * The sensitivity with this wire name, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the valid values, when the name is missing or unknown
     */
    public static Sensitivity fromWire(String name) {
        if (name != null) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            for (Sensitivity sensitivity : values()) {
                if (sensitivity.wireName.equals(wanted)) {
                    return sensitivity;
                }
            }
        }
        throw new IllegalArgumentException(
                (name == null ? "sensitivity is missing" : "unknown sensitivity '" + name + "'")
                        + "; valid values: "
                        + Arrays.stream(values()).map(Sensitivity::wireName).collect(Collectors.joining(", ")));
    }
}
