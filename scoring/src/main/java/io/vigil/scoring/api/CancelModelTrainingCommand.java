package io.vigil.scoring.api;

/** Stop a running model training; it records what it had and ends as {@link ModelTrainingStatus#CANCELLED}. */
public record CancelModelTrainingCommand(String trainingId) {}
