package io.vigil.patterns.api;

import java.util.List;

/** Every pattern that is not switched off, with the version of the set that changes whenever a pattern does. */
public record PatternSet(long version, List<PatternDefinition> patterns) {

    public PatternSet {
        patterns = List.copyOf(patterns);
    }
}
