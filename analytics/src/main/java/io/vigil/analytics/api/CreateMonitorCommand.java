package io.vigil.analytics.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a monitor; rejected with {@link MonitorRejectedException} when the definition is invalid. */
public record CreateMonitorCommand(
        @TargetAggregateIdentifier String monitorId, MonitorDefinition definition, String by) {}
