package io.vigil.scoring.query;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternSet;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles pattern expressions with CEL: side-effect free, no I/O, no reflection, no loops beyond CEL's bounded
 * macros, and type-checked to yield a boolean. A pattern that fails is left out of the set, with the compiler's
 * message in the log.
 */
final class PatternCompiler {

    private static final Logger log = LoggerFactory.getLogger(PatternCompiler.class);

    private final CelOptions options = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(1_000)
            .build();
    private final CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(options)
            .addVar("tx", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .setResultType(SimpleType.BOOL)
            .build();
    private final CelRuntime runtime =
            CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options).build();

    /** Compiles one pattern, or throws {@link IllegalArgumentException} with the reason it cannot be used. */
    CompiledPattern compile(PatternDefinition pattern) {
        PatternEffect effect = PatternEffect.parse(pattern.effect());
        try {
            CelAbstractSyntaxTree ast = compiler.compile(pattern.expression()).getAst();
            return new CompiledPattern(pattern, runtime.createProgram(ast), effect);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    CompiledPatternSet compile(PatternSet set) {
        List<CompiledPattern> compiled = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (PatternDefinition pattern : set.patterns()) {
            try {
                compiled.add(compile(pattern));
            } catch (IllegalArgumentException e) {
                rejected.add(pattern.id());
                log.error("Pattern {} is left out of scoring: {}", pattern.id(), e.getMessage());
            }
        }
        return new CompiledPatternSet(set.version(), compiled, rejected);
    }
}
