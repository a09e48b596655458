package io.vigil.scoring.api;

import java.util.List;

/** Model training runs, newest first; each {@link TrainedModel#model()} is null (fetch one run for its file). */
public record ModelTrainings(List<TrainedModel> runs) {

    public ModelTrainings {
        runs = List.copyOf(runs);
    }
}
