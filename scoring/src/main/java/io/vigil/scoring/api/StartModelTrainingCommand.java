package io.vigil.scoring.api;

import java.time.Duration;
import java.time.Instant;

/**
 * Train a risk model on the transactions of {@code [from, to)} and evaluate it on the last slice (docs/models.md,
 * "Training"). Answered with the run ({@link TrainedModel}) as it starts; the replay and training run in the
 * background.
 *
 * @param holdoutFrom the start of the evaluation slice; null for the last 7 days of the range
 * @param maturity how old a transaction must be at {@code to} to be a row: the newest transactions may not have been
 *     labelled yet; null for none
 * @param trees boosting rounds; null for 300
 * @param labelTime when an outcome counts as known; null for {@link LabelTime#REPORTED}
 */
public record StartModelTrainingCommand(
        String trainingId,
        Instant from,
        Instant to,
        Instant holdoutFrom,
        Duration maturity,
        Integer trees,
        LabelTime labelTime) {}
