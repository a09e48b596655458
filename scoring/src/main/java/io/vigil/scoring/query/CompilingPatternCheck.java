package io.vigil.scoring.query;

import io.vigil.patterns.api.CheckPatternQuery;
import io.vigil.patterns.api.PatternCheck;
import io.vigil.patterns.api.PatternCheckResult;
import io.vigil.scoring.decision.PatternCompiler;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The patterns module's {@link PatternCheck}, with the compiler scoring scores with: a draft whose expression or
 * effect this refuses cannot be submitted, and {@link CheckPatternQuery} asks it while a draft is being written.
 */
@Component
class CompilingPatternCheck implements PatternCheck {

    private final PatternCompiler compiler = new PatternCompiler();

    @Override
    public List<String> problems(String expression, String effect) {
        return compiler.problems(expression, effect);
    }

    @QueryHandler
    PatternCheckResult handle(CheckPatternQuery query) {
        return new PatternCheckResult(problems(query.expression(), query.effect()));
    }
}
