package io.vigil.scoring.query;

import java.util.List;

/** The pattern set scoring evaluates, and the ids of patterns that were left out because they did not compile. */
record CompiledPatternSet(long version, List<CompiledPattern> patterns, List<String> rejected) {

    CompiledPatternSet {
        patterns = List.copyOf(patterns);
        rejected = List.copyOf(rejected);
    }
}
