package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve the submitted draft; refused to the draft's author. */
public record ApprovePatternCommand(
        @TargetAggregateIdentifier String patternId, String comment) {}
