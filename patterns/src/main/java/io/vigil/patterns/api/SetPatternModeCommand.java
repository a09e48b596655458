package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change the mode of the published pattern: active, shadow or off. */
public record SetPatternModeCommand(
        @TargetAggregateIdentifier String patternId, PatternMode mode, String comment) {}
