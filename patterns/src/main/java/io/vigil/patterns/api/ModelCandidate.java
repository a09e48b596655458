package io.vigil.patterns.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What is known of a model version besides its file: the feature names in the model's input order, its evaluation
 * metrics (AUC, average precision, ...), the time range it was trained on, who trained it and where, and sample rows
 * with the trainer's own predictions (which Vigil must reproduce; may be empty for a model Vigil trained), and the Vigil training run it came from
 * (null for an imported model): a run's model is registered once.
 */
public record ModelCandidate(
        List<String> features,
        Map<String, Double> metrics,
        Instant trainedFrom,
        Instant trainedTo,
        String trainedBy,
        ModelSource source,
        List<ModelSample> samples,
        String trainingId) {

    public ModelCandidate {
        features = features == null ? List.of() : List.copyOf(features);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        samples = samples == null ? List.of() : List.copyOf(samples);
    }
}
