package io.vigil.patterns.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an analyst writes of a pattern: its name, description, CEL expression and effect. Whether the expression
 * compiles is {@link PatternCheck}'s to say; {@link #problems()} checks only the shape.
 *
 * @param effect {@code score+N} (N from 0 to 100), {@code review} or {@code decline}
 */
public record PatternDraft(String name, String description, String expression, String effect) {

    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_EXPRESSION = 4_096;

    private static final Pattern EFFECT = Pattern.compile("score\\+\\d{1,3}(\\.\\d+)?|review|decline");

    public PatternDraft {
        name = name == null ? null : name.strip();
        description = description == null ? "" : description.strip();
        expression = expression == null ? null : expression.strip();
        effect = effect == null ? null : effect.strip();
    }

    /** What is wrong with the draft's shape, each problem starting with the field's name; empty when nothing. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isEmpty()) {
            problems.add("name is required");
        } else if (name.length() > MAX_NAME) {
            problems.add("name must be at most " + MAX_NAME + " characters");
        }
        if (description.length() > MAX_DESCRIPTION) {
            problems.add("description must be at most " + MAX_DESCRIPTION + " characters");
        }
        if (expression == null || expression.isEmpty()) {
            problems.add("expression is required");
        } else if (expression.codePointCount(0, expression.length()) > MAX_EXPRESSION) {
            problems.add("expression must be at most " + MAX_EXPRESSION + " characters");
        }
        if (effect == null || effect.isEmpty()) {
            problems.add("effect is required: score+N, review or decline");
        } else if (!EFFECT.matcher(effect).matches()
                || (effect.startsWith("score+") && Double.parseDouble(effect.substring(6)) > 100)) {
            problems.add("effect '" + effect + "' is not one of score+N (N from 0 to 100), review, decline");
        }
        return problems;
    }
}
