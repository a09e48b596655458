package io.vigil.patterns.api;

import java.util.List;

/**
 * A model cannot be registered: a feature that does not exist, a file that does not load, a sample scored
 * differently from the trainer's prediction, missing fields. The REST API answers 422, naming each problem.
 */
public class ModelInvalidException extends RuntimeException {

    private final List<String> problems;

    public ModelInvalidException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
