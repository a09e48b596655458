package io.vigil.scoring.query;

import io.vigil.ingest.api.FindRiskDecisionQuery;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.scoring.config.ScoringSettings;
import java.time.Clock;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Decides transactions for ingest; always answers, with the fallback decision when it cannot evaluate patterns. */
@Component
class RiskDecisionQueryHandler {

    private static final Logger log = LoggerFactory.getLogger(RiskDecisionQueryHandler.class);

    private final PatternCatalog catalog;
    private final RiskEngine engine;

    RiskDecisionQueryHandler(PatternCatalog catalog, ScoringSettings settings) {
        this.catalog = catalog;
        this.engine = new RiskEngine(settings, Clock.systemUTC());
    }

    @QueryHandler
    RiskDecision handle(FindRiskDecisionQuery query) {
        var patterns = catalog.current();
        if (patterns.isEmpty()) {
            return engine.fallback(0);
        }
        try {
            return engine.decide(patterns.get(), query.transaction());
        } catch (RuntimeException e) {
            log.error(
                    "Scoring failed for {}, answering the fallback decision",
                    query.transaction().transactionId(),
                    e);
            return engine.fallback(patterns.get().version());
        }
    }
}
