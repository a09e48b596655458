package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish the approved draft as the pattern's next version, which becomes the live one. {@code mode} null keeps the live version's mode, or is {@code shadow} at the first publication. */
public record PublishPatternCommand(
        @TargetAggregateIdentifier String patternId, PatternMode mode, String comment) {}
