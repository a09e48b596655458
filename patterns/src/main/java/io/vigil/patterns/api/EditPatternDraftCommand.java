package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change the pattern's draft, or start a new draft of a published pattern. Editing a submitted or approved draft takes it back to draft: it must be submitted and approved again. The sender becomes the draft's author. */
public record EditPatternDraftCommand(
        @TargetAggregateIdentifier String patternId, PatternDraft draft, String comment) {}
