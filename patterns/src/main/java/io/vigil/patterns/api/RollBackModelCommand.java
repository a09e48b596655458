package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make the version that was live before the current one live again; from the first live version, none. */
public record RollBackModelCommand(
        @TargetAggregateIdentifier String modelId, String comment) {}
