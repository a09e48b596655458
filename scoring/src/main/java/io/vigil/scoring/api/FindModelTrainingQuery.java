package io.vigil.scoring.api;

/** One model training run with, once completed, its model: answered with an {@code Optional<TrainedModel>}. */
public record FindModelTrainingQuery(String trainingId) {}
