package io.vigil.patterns.api;

import java.util.List;

/**
 * A pattern command carries bad input: a malformed id, draft or comment, or an expression that does not compile
 * ({@link #compileProblems()} true). The REST API answers 400, or 422 for compile problems.
 */
public class PatternInvalidException extends RuntimeException {

    private final List<String> problems;
    private final boolean compileProblems;

    public PatternInvalidException(List<String> problems) {
        this(problems, false);
    }

    private PatternInvalidException(List<String> problems, boolean compileProblems) {
        super((compileProblems ? "the expression does not compile: " : "") + String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.compileProblems = compileProblems;
    }

    /** The draft cannot be submitted: its expression or effect does not compile. */
    public static PatternInvalidException doesNotCompile(List<String> problems) {
        return new PatternInvalidException(problems, true);
    }

    public List<String> problems() {
        return problems;
    }

    public boolean compileProblems() {
        return compileProblems;
    }
}
