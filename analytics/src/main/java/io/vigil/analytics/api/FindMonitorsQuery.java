package io.vigil.analytics.api;

/**
 * The monitors, by name; {@code monitorId} limits the answer to that one, {@code includeDeleted} adds deleted ones.
 * Answered with a {@link MonitorList}.
 */
public record FindMonitorsQuery(String monitorId, boolean includeDeleted) {

    public static FindMonitorsQuery all() {
        return new FindMonitorsQuery(null, false);
    }

    public static FindMonitorsQuery one(String monitorId) {
        return new FindMonitorsQuery(monitorId, true);
    }
}
