package io.vigil.analytics.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pause a monitor. */
public record PauseMonitorCommand(@TargetAggregateIdentifier String monitorId, String by) {}
