package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make an earlier published version the live one again (it is published again, with the current mode). */
public record RollBackPatternCommand(
        @TargetAggregateIdentifier String patternId, int version, String comment) {}
