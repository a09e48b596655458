package io.vigil.scoring.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.ingest.api.DecisionReason;
import io.vigil.ingest.api.FindRiskDecisionQuery;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.scoring.config.ScoringSettings;
import io.vigil.scoring.decision.CompiledPatternSet;
import io.vigil.scoring.decision.ModelScores;
import io.vigil.scoring.decision.RiskEngine;
import io.vigil.scoring.features.FeatureSnapshot;
import io.vigil.scoring.features.FeatureStore;
import io.vigil.scoring.inference.ModelHolder;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides transactions for ingest, with the live model's score when one is loaded. Always answers: with the fallback
 * decision, marked as such, when no pattern set was ever loaded, when evaluation or the model fails, or when scoring
 * (the model's part included) took longer than its time budget.
 */
@Component
class RiskDecisionQueryHandler {

    private static final Logger log = LoggerFactory.getLogger(RiskDecisionQueryHandler.class);

    private final PatternCatalog catalog;
    private final FeatureStore features;
    private final RiskEngine engine;
    private final long budgetNanos;
    private final MeterRegistry meters;
    private final ModelHolder models;

    RiskDecisionQueryHandler(
            PatternCatalog catalog,
            FeatureStore features,
            ModelHolder models,
            ScoringSettings settings,
            MeterRegistry meters) {
        this.catalog = catalog;
        this.models = models;
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
        String failure = "error";
        try {
            FeatureSnapshot snapshot = features.read(query.transaction());
            failure = "model-error";
            ModelScores scores = models.score(query.transaction(), snapshot);
            failure = "error";
            decision = engine.decide(patterns.get(), query.transaction(), snapshot, scores);
        } catch (RuntimeException e) {
            log.error(
                    "Scoring failed for {} ({}), answering the fallback decision",
                    query.transaction().transactionId(),
                    failure,
                    e);
            return fallback(patterns.get(), query, failure);
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
