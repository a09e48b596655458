package io.vigil.patterns.api;

import java.util.List;

/**
 * Every pattern that is not switched off, every allow and block list entry and every analyst-defined feature, with the
 * version of the set that changes whenever a pattern, a list or a feature does.
 */
public record PatternSet(
        long version, List<PatternDefinition> patterns, List<ListEntry> lists, List<FeatureDefinition> features) {

    public PatternSet {
        patterns = List.copyOf(patterns);
        lists = lists == null ? List.of() : List.copyOf(lists);
        features = features == null ? List.of() : List.copyOf(features);
    }

    public PatternSet(long version, List<PatternDefinition> patterns, List<ListEntry> lists) {
        this(version, patterns, lists, List.of());
    }

    public PatternSet(long version, List<PatternDefinition> patterns) {
        this(version, patterns, List.of());
    }
}
