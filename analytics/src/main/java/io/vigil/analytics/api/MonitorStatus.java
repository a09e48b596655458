package io.vigil.analytics.api;

/** Whether a monitor is evaluated. */
public enum MonitorStatus {
    ACTIVE,
    PAUSED,
    DELETED
}
