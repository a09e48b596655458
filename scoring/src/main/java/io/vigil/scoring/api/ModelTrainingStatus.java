package io.vigil.scoring.api;

/** Where a model training run is. */
public enum ModelTrainingStatus {
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED
}
