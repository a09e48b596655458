package io.vigil.analytics.api;

/** How readily a monitor alerts. */
public enum Sensitivity {
    LOW,
    MEDIUM,
    HIGH
}
