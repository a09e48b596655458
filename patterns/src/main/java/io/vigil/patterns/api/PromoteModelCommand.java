package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make an approved version the live one, which scores every transaction; the live one before is kept for rollback. */
public record PromoteModelCommand(@TargetAggregateIdentifier String modelId, int version, String comment) {}
