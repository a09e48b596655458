package io.vigil.analytics.api;

import java.time.Instant;
import java.util.List;

/**
 * Decisions per minute by kind, oldest minute first (every minute of the range, zero when there was none), and the
 * active patterns that matched most over the range, most first.
 */
public record DecisionTraffic(List<Minute> minutes, List<PatternCount> topPatterns) {

    public DecisionTraffic {
        minutes = List.copyOf(minutes);
        topPatterns = List.copyOf(topPatterns);
    }

    /** One minute's decisions; {@code fallback} counts those of them the fallback rule made. */
    public record Minute(Instant minute, long approve, long review, long decline, long fallback) {

        public long total() {
            return approve + review + decline;
        }
    }

    public record PatternCount(String patternId, long hits) {}

    /** Decisions in the range, by kind: approve, review, decline. */
    public long[] mix() {
        long[] mix = new long[3];
        for (Minute m : minutes) {
            mix[0] += m.approve();
            mix[1] += m.review();
            mix[2] += m.decline();
        }
        return mix;
    }
}
