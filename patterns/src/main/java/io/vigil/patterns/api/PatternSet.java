package io.vigil.patterns.api;

import java.util.List;

/**
 * Every pattern that is not switched off, every allow and block list entry and every analyst-defined feature, and the
 * model versions scoring uses, with the version of the set that changes whenever a pattern, a list, a feature or the
 * choice of models does.
 */
public record PatternSet(
        long version,
        List<PatternDefinition> patterns,
        List<ListEntry> lists,
        List<FeatureDefinition> features,
        ModelChoice models) {

    public PatternSet {
        patterns = List.copyOf(patterns);
        lists = lists == null ? List.of() : List.copyOf(lists);
        features = features == null ? List.of() : List.copyOf(features);
        models = models == null ? ModelChoice.NONE : models;
    }

    public PatternSet(
            long version, List<PatternDefinition> patterns, List<ListEntry> lists, List<FeatureDefinition> features) {
        this(version, patterns, lists, features, ModelChoice.NONE);
    }

    public PatternSet(long version, List<PatternDefinition> patterns, List<ListEntry> lists) {
        this(version, patterns, lists, List.of());
    }

    public PatternSet(long version, List<PatternDefinition> patterns) {
        this(version, patterns, List.of());
    }
}
