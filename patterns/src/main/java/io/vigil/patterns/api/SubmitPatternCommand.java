package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Submit the draft for approval; refused when its expression or effect does not compile. */
public record SubmitPatternCommand(
        @TargetAggregateIdentifier String patternId, String comment) {}
