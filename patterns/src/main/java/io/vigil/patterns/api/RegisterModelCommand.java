package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a model file (XGBoost's JSON model) as the next candidate version of the model: checked (its features
 * exist, it loads and scores, it reproduces the samples' predictions), stored in the pattern store, then waiting for
 * approval. A training run registers its result with it; an import too, with source {@code imported}. Answers the
 * new version's number.
 */
public record RegisterModelCommand(
        @TargetAggregateIdentifier String modelId, byte[] model, ModelCandidate candidate, String comment) {}
