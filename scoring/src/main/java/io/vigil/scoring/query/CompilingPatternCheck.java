package io.vigil.scoring.query;

import io.vigil.patterns.api.CheckPatternQuery;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.FeatureStates;
import io.vigil.patterns.api.FindFeatureStatesQuery;
import io.vigil.patterns.api.PatternCheck;
import io.vigil.patterns.api.PatternCheckResult;
import io.vigil.scoring.decision.PatternCompiler;
import io.vigil.scoring.features.FeatureStore;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The patterns module's {@link PatternCheck}, with the compiler scoring scores with and the analyst features this
 * node holds: a draft whose expression or effect this refuses cannot be submitted, and {@link CheckPatternQuery} asks
 * it while a draft is being written. Also answers how far this node has backfilled each analyst feature.
 */
@Component
class CompilingPatternCheck implements PatternCheck {

    private final FeatureStore features;
    private volatile PatternCompiler compiler = new PatternCompiler();

    CompilingPatternCheck(FeatureStore features) {
        this.features = features;
    }

    @Override
    public List<String> problems(String expression, String effect) {
        return compiler().problems(expression, effect);
    }

    @Override
    public List<String> filterProblems(String filter) {
        return compiler().filterProblems(filter);
    }

    /** A compiler declaring the analyst features held now (rebuilt only when they change). */
    private PatternCompiler compiler() {
        List<FeatureDefinition> held = features.custom().definitions();
        PatternCompiler current = compiler;
        if (!held.equals(current.customFeatures())) {
            current = new PatternCompiler(held);
            compiler = current;
        }
        return current;
    }

    @QueryHandler
    PatternCheckResult handle(CheckPatternQuery query) {
        return new PatternCheckResult(problems(query.expression(), query.effect()));
    }

    @QueryHandler
    FeatureStates handle(FindFeatureStatesQuery query) {
        return features.custom().states();
    }
}
