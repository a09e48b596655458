package io.vigil.analytics.api;

/** Which way of deviating a monitor alerts on. */
public enum Direction {
    DROP,
    SPIKE,
    BOTH
}
