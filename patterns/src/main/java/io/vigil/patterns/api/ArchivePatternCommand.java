package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Archive the pattern: it leaves scoring, and can no longer be edited or published. */
public record ArchivePatternCommand(
        @TargetAggregateIdentifier String patternId, String comment) {}
