package io.vigil.scoring.decision;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternTestResult;
import io.vigil.patterns.api.PatternTestResult.Clause;
import io.vigil.scoring.features.FeatureSchema;
import io.vigil.scoring.features.FeatureSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates an expression against one sample transaction as scoring would, and explains it: every variable it read
 * with the value seen, and each top-level clause on its own. Features may be given instead of read, to try a
 * threshold.
 */
public final class SampleEvaluation {

    private final PatternCompiler compiler;

    public SampleEvaluation() {
        this(List.of());
    }

    /** An evaluation whose expressions may also read these analyst features. */
    public SampleEvaluation(List<io.vigil.patterns.api.FeatureDefinition> custom) {
        this.compiler = new PatternCompiler(custom);
    }

    /**
     * Why these feature values cannot be used (a name that is not a feature, a value of another type); empty when
     * they can.
     */
    public static List<String> featureProblems(Map<String, Object> features) {
        List<String> problems = new ArrayList<>();
        features.forEach((name, value) -> {
            CelType type = FeatureSchema.types().get(name);
            if (type == null) {
                problems.add("features: " + name + " is not a feature (docs/patterns.md lists them)");
            } else if (convert(type, value) == null) {
                problems.add("features: " + name + " must be " + type.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return problems;
    }

    /**
     * @param overrides feature values to use instead of the snapshot's, by qualified name, as {@link
     *     #featureProblems} accepts them
     */
    public PatternTestResult evaluate(
            String expression, TransactionDetails tx, FeatureSnapshot features, Map<String, Object> overrides) {
        List<String> problems = compiler.problems(expression, "review");
        if (!problems.isEmpty()) {
            return PatternTestResult.refused(problems);
        }
        PatternVariables variables = new PatternVariables(tx, features);
        Map<String, Object> seen = new LinkedHashMap<>();
        CelVariableResolver recording = name -> {
            Object value = overrides.containsKey(name)
                    ? convert(FeatureSchema.types().get(name), overrides.get(name))
                    : variables.find(name).orElse(null);
            if (value != null) {
                seen.put(name, value);
            }
            return Optional.ofNullable(value);
        };
        Evaluated whole = evaluate(expression, recording);
        List<Clause> clauses = new ArrayList<>();
        for (String clause : clauses(expression)) {
            Evaluated part = evaluate(clause, recording);
            clauses.add(new Clause(clause, part.value(), part.error()));
        }
        return new PatternTestResult(
                List.of(), Boolean.TRUE.equals(whole.value()), whole.error(), tx.transactionId(), seen, clauses);
    }

    private record Evaluated(Boolean value, String error) {}

    private Evaluated evaluate(String expression, CelVariableResolver variables) {
        CelRuntime.Program program;
        try {
            program = compiler.compile(
                            new PatternDefinition("sample", "sample", "", expression, "review", PatternMode.ACTIVE, 0))
                    .program();
        } catch (IllegalArgumentException e) {
            return new Evaluated(null, e.getMessage());
        }
        try {
            Object value = program.eval(variables);
            return value instanceof Boolean b ? new Evaluated(b, null) : new Evaluated(null, "not a boolean: " + value);
        } catch (CelEvaluationException e) {
            return new Evaluated(null, e.getMessage());
        }
    }

    /**
     * The top-level clauses of an expression: the operands of its outermost {@code ||} if it has one outside any
     * parentheses, brackets and strings, else of its outermost {@code &&}; the expression itself when it has neither
     * (or has a {@code ?:} at the top).
     */
    static List<String> clauses(String expression) {
        List<Integer> ands = new ArrayList<>();
        List<Integer> ors = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> quote = c;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                case '?' -> {
                    if (depth == 0) {
                        return List.of(expression.strip());
                    }
                }
                case '&', '|' -> {
                    if (depth == 0 && i + 1 < expression.length() && expression.charAt(i + 1) == c) {
                        (c == '&' ? ands : ors).add(i);
                        i++;
                    }
                }
                default -> {}
            }
        }
        List<Integer> cuts = ors.isEmpty() ? ands : ors;
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int cut : cuts) {
            parts.add(expression.substring(start, cut).strip());
            start = cut + 2;
        }
        parts.add(expression.substring(start).strip());
        return parts;
    }

    /** A feature value as CEL wants it for its declared type, or null when it is not of that type. */
    private static Object convert(CelType type, Object value) {
        if (type == null || value == null) {
            return null;
        }
        if (type.equals(SimpleType.INT)) {
            return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    ? (Object) n.longValue()
                    : null;
        }
        if (type.equals(SimpleType.DOUBLE)) {
            return value instanceof Number n ? (Object) n.doubleValue() : null;
        }
        if (type.equals(SimpleType.BOOL)) {
            return value instanceof Boolean ? value : null;
        }
        return value instanceof String ? value : null;
    }
}
