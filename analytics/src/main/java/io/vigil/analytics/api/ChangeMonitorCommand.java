package io.vigil.analytics.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a monitor; rejected with {@link MonitorRejectedException} when the definition is invalid. */
public record ChangeMonitorCommand(
        @TargetAggregateIdentifier String monitorId, MonitorDefinition definition, String by) {}
