package io.vigil.patterns.api;

import java.util.List;
import java.util.Map;

/**
 * The answer to {@link TestPatternQuery}.
 *
 * @param problems why it could not be evaluated (the expression does not compile, the transaction is invalid or
 *     unknown); empty when it was, and then the other components are set
 * @param matches whether the expression matches the transaction; {@code false} when its evaluation failed
 * @param error why the evaluation failed (a missing attribute, ...); {@code null} when it did not
 * @param transactionId the id of the transaction tested
 * @param values every {@code tx.*} and {@code features.*} name the expression read, with the value it saw, in the
 *     order read
 * @param clauses the expression's top-level clauses (the operands of its outermost {@code ||}, or else of its
 *     outermost {@code &&}), each evaluated on its own; one clause, the whole expression, when it has neither
 */
public record PatternTestResult(
        List<String> problems,
        Boolean matches,
        String error,
        String transactionId,
        Map<String, Object> values,
        List<Clause> clauses) {

    public PatternTestResult {
        problems = List.copyOf(problems);
        clauses = clauses == null ? List.of() : List.copyOf(clauses);
    }

    /** Could not evaluate, for these reasons. */
    public static PatternTestResult refused(List<String> problems) {
        return new PatternTestResult(problems, null, null, null, Map.of(), List.of());
    }

    /**
     * One top-level clause.
     *
     * @param value its value; {@code null} when its evaluation failed
     * @param error why it failed; {@code null} when it did not
     */
    public record Clause(String expression, Boolean value, String error) {}
}
