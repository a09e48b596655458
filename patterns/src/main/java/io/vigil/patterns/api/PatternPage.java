package io.vigil.patterns.api;

import java.util.List;

/** The answer to {@link FindPatternsQuery}: one page, and how many patterns all pages hold. */
public record PatternPage(List<PatternSummary> patterns, int page, int size, long total) {

    public PatternPage {
        patterns = List.copyOf(patterns);
    }
}
