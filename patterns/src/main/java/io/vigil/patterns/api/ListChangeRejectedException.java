package io.vigil.patterns.api;

import java.util.List;

/** A list change that breaks a rule: nothing was changed. Each problem starts with the field it is about. */
public class ListChangeRejectedException extends RuntimeException {

    private final List<String> problems;

    public ListChangeRejectedException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
