package io.vigil.analytics.rest;

import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.MaintenanceWindow;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A monitor as the API returns it: the request's shape plus status and last change. */
record MonitorResponse(
        String id,
        String name,
        String description,
        String metric,
        String operation,
        String toOperation,
        List<String> dimensions,
        Map<String, String> filter,
        String direction,
        String sensitivity,
        long minVolume,
        List<MaintenanceWindow> maintenanceWindows,
        String status,
        Instant updatedAt,
        String updatedBy) {

    static MonitorResponse of(MonitorSummary monitor) {
        MonitorDefinition d = monitor.definition();
        Map<String, String> filter = new LinkedHashMap<>();
        d.filter().forEach((k, v) -> filter.put(k.wireName(), v));
        return new MonitorResponse(
                monitor.monitorId(),
                d.name(),
                d.description(),
                d.metric().wireName(),
                d.operation(),
                d.toOperation(),
                d.dimensions().stream().map(Dimension::wireName).toList(),
                filter,
                lower(d.direction()),
                lower(d.sensitivity()),
                d.minVolume(),
                d.maintenanceWindows(),
                lower(monitor.status()),
                monitor.updatedAt(),
                monitor.updatedBy());
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
