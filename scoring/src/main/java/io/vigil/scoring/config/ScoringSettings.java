package io.vigil.scoring.config;

import io.vigil.ingest.api.Decision;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How risk scores become decisions.
 *
 * @param reviewThreshold a score at or above this is sent to review
 * @param declineThreshold a score at or above this is declined
 * @param fallbackDecision the decision given when scoring cannot decide (patterns unreadable, evaluation failed)
 * @param patternRefresh how often the in-memory copy of the pattern set is refreshed from the pattern store, as a safety
 *     net: a change normally arrives within a second through the store's change feed
 * @param timeBudget the longest scoring may take; past it the fallback decision is given and marked as such
 */
@ConfigurationProperties("vigil.scoring")
public record ScoringSettings(
        @DefaultValue("50") double reviewThreshold,
        @DefaultValue("80") double declineThreshold,
        @DefaultValue("REVIEW") Decision fallbackDecision,
        @DefaultValue("30s") Duration patternRefresh,
        @DefaultValue("50ms") Duration timeBudget) {

    public ScoringSettings {
        if (reviewThreshold < 0 || declineThreshold > 100 || reviewThreshold > declineThreshold) {
            throw new IllegalArgumentException("vigil.scoring thresholds must satisfy 0 <= review-threshold ("
                    + reviewThreshold + ") <= decline-threshold (" + declineThreshold + ") <= 100");
        }
        if (timeBudget.isNegative()) {
            throw new IllegalArgumentException("vigil.scoring.time-budget must not be negative");
        }
        if (patternRefresh.isNegative() || patternRefresh.isZero()) {
            throw new IllegalArgumentException("vigil.scoring.pattern-refresh must be positive");
        }
    }
}
