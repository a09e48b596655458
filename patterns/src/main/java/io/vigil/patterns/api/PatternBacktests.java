package io.vigil.patterns.api;

import java.util.List;

/** The answer to {@link FindPatternBacktestsQuery}: the runs kept with the pattern, newest first. */
public record PatternBacktests(List<PatternBacktest> runs) {

    public PatternBacktests {
        runs = List.copyOf(runs);
    }
}
