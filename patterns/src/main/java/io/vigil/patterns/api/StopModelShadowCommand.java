package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop scoring the version in shadow. */
public record StopModelShadowCommand(
        @TargetAggregateIdentifier String modelId, String comment) {}
