package io.vigil.patterns.api;

import java.util.List;

/**
 * One pattern in full: the answer to {@link FindPatternQuery}.
 *
 * @param draft the draft, null when there is none ({@link DraftState#NONE})
 * @param versions every published version, oldest first
 * @param history every step of its life, oldest first: the pattern's audit trail
 */
public record PatternDetails(
        PatternSummary summary, PatternDraft draft, List<PatternVersion> versions, List<PatternHistoryEntry> history) {

    public PatternDetails {
        versions = List.copyOf(versions);
        history = List.copyOf(history);
    }
}
