package io.vigil.analytics.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a monitor: it stops being evaluated and its open alerts stay as they are. */
public record DeleteMonitorCommand(
        @TargetAggregateIdentifier String monitorId, String by) {}
