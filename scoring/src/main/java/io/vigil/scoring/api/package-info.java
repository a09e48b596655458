/**
 * What scoring publishes to other modules and tools: it answers ingest's {@code FindRiskDecisionQuery}; its own
 * messages are the model trainings' ({@code StartModelTrainingCommand}, {@code FindModelTrainingQuery} answered with
 * a {@code TrainedModel}), and the feature store's footprint measurement the benchmark uses.
 */
package io.vigil.scoring.api;
