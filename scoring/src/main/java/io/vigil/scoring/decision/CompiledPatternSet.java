package io.vigil.scoring.decision;

import java.util.List;

/**
 * The pattern set scoring evaluates, its allow and block lists, and the ids of patterns that were left out because
 * they did not compile.
 */
public record CompiledPatternSet(long version, List<CompiledPattern> patterns, List<String> rejected, ListIndex lists) {

    public CompiledPatternSet {
        patterns = List.copyOf(patterns);
        rejected = List.copyOf(rejected);
        lists = lists == null ? ListIndex.EMPTY : lists;
    }

    CompiledPatternSet(long version, List<CompiledPattern> patterns, List<String> rejected) {
        this(version, patterns, rejected, ListIndex.EMPTY);
    }
}
