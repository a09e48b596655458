package io.vigil.patterns.api;

import java.util.List;

/**
 * Every pattern that is not switched off and every allow and block list entry, with the version of the set that
 * changes whenever a pattern or a list does.
 */
public record PatternSet(long version, List<PatternDefinition> patterns, List<ListEntry> lists) {

    public PatternSet {
        patterns = List.copyOf(patterns);
        lists = lists == null ? List.of() : List.copyOf(lists);
    }

    public PatternSet(long version, List<PatternDefinition> patterns) {
        this(version, patterns, List.of());
    }
}
