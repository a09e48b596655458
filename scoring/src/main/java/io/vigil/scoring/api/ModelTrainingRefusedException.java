package io.vigil.scoring.api;

import java.util.List;

/** A training that cannot start: what is wrong with the request, or that as many trainings as allowed are running. */
public class ModelTrainingRefusedException extends RuntimeException {

    private final List<String> problems;
    private final boolean busy;

    public ModelTrainingRefusedException(List<String> problems, boolean busy) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.busy = busy;
    }

    public List<String> problems() {
        return problems;
    }

    /** True when the request was fine but the node runs as many trainings as it may. */
    public boolean busy() {
        return busy;
    }
}
