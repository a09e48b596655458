package io.vigil.scoring.api;

import io.vigil.patterns.api.ModelCandidate;
import io.vigil.patterns.api.ModelSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A model training run and, once {@link ModelTrainingStatus#COMPLETED}, the model it trained: what the model store
 * registers as a candidate.
 *
 * @param progress 0..1: the replay is the first 80%, the boosting rounds the rest
 * @param featureNames the model's inputs in order (see {@code io.vigil.scoring.model.ModelFeatures}); the values
 *     come from {@code ModelInputs.vector(featureNames, ...)}
 * @param importance each feature's total gain over the trees, largest first; features no tree uses are left out
 * @param model the trained booster as XGBoost JSON ({@code Booster.toByteArray("json")}); null until completed
 */
public record TrainedModel(
        String trainingId,
        ModelTrainingStatus status,
        double progress,
        Instant from,
        Instant to,
        Instant holdoutFrom,
        Duration maturity,
        int trees,
        LabelTime labelTime,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        List<String> featureNames,
        TrainingMetrics metrics,
        Map<String, Double> importance,
        byte[] model,
        String error) {

    public TrainedModel {
        featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
    }

    /**
     * What the model store registers of a completed run (with {@code RegisterModelCommand}): its features, held-out
     * figures ({@link TrainingMetrics#flat()}), window, trainer and this run's id (the store registers a run once); no samples, as Vigil trained it itself.
     */
    public ModelCandidate candidate() {
        return new ModelCandidate(
                featureNames,
                metrics == null ? Map.of() : metrics.flat(),
                from,
                to,
                startedBy,
                ModelSource.TRAINED,
                List.of(),
                trainingId);
    }
}
