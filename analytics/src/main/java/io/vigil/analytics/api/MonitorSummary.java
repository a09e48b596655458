package io.vigil.analytics.api;

import java.time.Instant;

/** A monitor as the console and the evaluator see it. */
public record MonitorSummary(
        String monitorId, MonitorDefinition definition, MonitorStatus status, Instant updatedAt, String updatedBy) {}
