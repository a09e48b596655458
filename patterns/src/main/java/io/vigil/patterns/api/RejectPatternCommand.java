package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Send the submitted draft back to draft, with a comment saying why (required). */
public record RejectPatternCommand(
        @TargetAggregateIdentifier String patternId, String comment) {}
