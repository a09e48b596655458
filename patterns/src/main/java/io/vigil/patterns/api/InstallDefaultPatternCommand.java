package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Installs one of the patterns Vigil ships with (such as {@code p-high-amount}) at its first start: the pattern is
 * created, submitted, approved and published as version 1 in {@code mode} in one step, each step recorded as usual
 * with the sender (the system) and {@code comment}. The four-eyes rule is for what people write; the shipped content
 * was reviewed as code. Refused, as any creation, when a pattern of this id exists.
 */
public record InstallDefaultPatternCommand(
        @TargetAggregateIdentifier String patternId, PatternDraft draft, PatternMode mode, String comment) {}
