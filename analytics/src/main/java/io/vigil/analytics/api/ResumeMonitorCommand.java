package io.vigil.analytics.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Resume a monitor. */
public record ResumeMonitorCommand(
        @TargetAggregateIdentifier String monitorId, String by) {}
