package io.vigil.analytics.api;

import java.util.Map;

/** Hits and label counts per pattern id, as {@link FindPatternStatsQuery} answers; a pattern with none is absent. */
public record PatternStats(Map<String, Stat> patterns) {

    public PatternStats {
        patterns = Map.copyOf(patterns);
    }

    /** The pattern's figures, or all zero when it had no hit. */
    public Stat of(String patternId) {
        return patterns.getOrDefault(patternId, Stat.NONE);
    }

    /**
     * One pattern's figures.
     *
     * @param hitsLastHour decisions it was a reason of in the last hour (active mode)
     * @param hitsLastDay the same over the last 24 hours
     * @param shadowHitsLastHour transactions it matched in shadow mode in the last hour, never changing a decision
     * @param shadowHitsLastDay the same over the last 24 hours
     * @param fraudHits hits of the last 30 days (active or shadow) whose transaction is labelled chargeback or
     *     confirmed_fraud
     * @param legitimateHits hits of the last 30 days labelled confirmed_legitimate
     */
    public record Stat(
            long hitsLastHour,
            long hitsLastDay,
            long shadowHitsLastHour,
            long shadowHitsLastDay,
            long fraudHits,
            long legitimateHits) {

        public static final Stat NONE = new Stat(0, 0, 0, 0, 0, 0);

        /** Fraud hits over labelled hits, or null when none of its hits is labelled yet. */
        public Double precision() {
            long labelled = fraudHits + legitimateHits;
            return labelled == 0 ? null : (double) fraudHits / labelled;
        }
    }
}
