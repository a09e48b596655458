package io.vigil.patterns.api;

import java.util.List;

/** The answer to {@link CheckPatternQuery}: the compiler's problems, none when the pattern compiles. */
public record PatternCheckResult(List<String> problems) {

    public PatternCheckResult {
        problems = List.copyOf(problems);
    }

    public boolean compiles() {
        return problems.isEmpty();
    }
}
