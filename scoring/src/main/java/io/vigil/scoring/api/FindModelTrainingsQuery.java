package io.vigil.scoring.api;

/**
 * The latest model training runs, newest first, without their model files: answered with {@link ModelTrainings}.
 *
 * @param limit at most this many runs
 */
public record FindModelTrainingsQuery(int limit) {}
