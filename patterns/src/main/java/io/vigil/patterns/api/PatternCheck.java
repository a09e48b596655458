package io.vigil.patterns.api;

import java.util.List;

/**
 * Compiles an expression and its effect as scoring would, without using them: the patterns module asks it before a
 * draft may be submitted, and scoring implements it with the compiler it scores with (the patterns module does not
 * depend on scoring). A Spring bean; the {@code Pattern} aggregate receives it as a command handler parameter.
 */
@FunctionalInterface
public interface PatternCheck {

    /** The compiler's problems with this expression and effect, each a readable message; empty when both are fine. */
    List<String> problems(String expression, String effect);

    /**
     * The compiler's problems with an analyst feature's filter (a boolean expression over {@code tx.*} alone); empty
     * when it is fine or there is none.
     */
    default List<String> filterProblems(String filter) {
        return List.of();
    }
}
