package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start a new pattern as a draft; its author is whoever sends this (the command's {@code actor}). */
public record CreatePatternDraftCommand(
        @TargetAggregateIdentifier String patternId, PatternDraft draft, String comment) {}
