package io.vigil.scoring.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.ingest.api.DecisionReason;
import io.vigil.ingest.api.FindRiskDecisionQuery;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.scoring.config.ScoringSettings;
import io.vigil.scoring.decision.CompiledPatternSet;
import io.vigil.scoring.decision.RiskEngine;
import io.vigil.scoring.features.FeatureStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides transactions for ingest. Always answers: with the fallback decision, marked as such, when no pattern set
 * was ever loaded, when evaluation fails, or when scoring took longer than its time budget.
 */
@Component
class RiskDecisionQueryHandler {

    private static final Logger log = LoggerFactory.getLogger(RiskDecisionQueryHandler.class);

    private final PatternCatalog catalog;
    private final FeatureStore features;
    private final RiskEngine engine;
    private final long budgetNanos;
    private final MeterRegistry meters;

    RiskDecisionQueryHandler(
            PatternCatalog catalog, FeatureStore features, ScoringSettings settings, MeterRegistry meters) {
        this.catalog = catalog;
        this.features = features;
        this.engine = new RiskEngine(settings, Clock.systemUTC());
        this.budgetNanos = settings.timeBudget().toNanos();
        this.meters = meters;
    }

    @QueryHandler
    RiskDecision handle(FindRiskDecisionQuery query) {
        Optional<CompiledPatternSet> patterns = catalog.current();
        if (patterns.isEmpty()) {
            count("no-patterns");
            return engine.fallback(0);
        }
        long start = System.nanoTime(); // the budget covers scoring, not the wait for the very first pattern load
        RiskDecision decision;
        try {
            decision = engine.decide(patterns.get(), query.transaction(), features.read(query.transaction()));
        } catch (RuntimeException e) {
            log.error(
                    "Scoring failed for {}, answering the fallback decision",
                    query.transaction().transactionId(),
                    e);
            return fallback(patterns.get(), query, "error");
        }
        if (System.nanoTime() - start > budgetNanos) {
            return fallback(patterns.get(), query, "time-budget");
        }
        count(decision.reasons(), "active");
        count(decision.shadowHits(), "shadow");
        return decision;
    }

    private RiskDecision fallback(CompiledPatternSet patterns, FindRiskDecisionQuery query, String reason) {
        count(reason);
        return engine.fallback(patterns, query.transaction());
    }

    private void count(String fallbackReason) {
        Counter.builder("vigil.decision.fallbacks")
                .description("Decisions answered with the fallback decision, by cause")
                .tag("reason", fallbackReason)
                .register(meters)
                .increment();
    }

    private void count(List<DecisionReason> hits, String mode) {
        for (DecisionReason hit : hits) {
            Counter.builder("vigil.pattern.hits")
                    .description("Transactions a pattern matched, by pattern and mode")
                    .tag("pattern", hit.patternId())
                    .tag("mode", mode)
                    .register(meters)
                    .increment();
        }
    }
}
