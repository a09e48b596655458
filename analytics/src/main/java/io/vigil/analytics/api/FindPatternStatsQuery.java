package io.vigil.analytics.api;

import java.util.List;

/**
 * How often each named pattern matched lately, active and in shadow, and how its hits were labelled: answered with a
 * {@link PatternStats} from ClickHouse.
 *
 * @param patternIds the patterns asked about (at most 500)
 */
public record FindPatternStatsQuery(List<String> patternIds) {

    public static final int MAX_PATTERNS = 500;

    public FindPatternStatsQuery {
        patternIds = List.copyOf(patternIds);
        if (patternIds.size() > MAX_PATTERNS) {
            throw new IllegalArgumentException("at most " + MAX_PATTERNS + " patterns at a time");
        }
    }
}
