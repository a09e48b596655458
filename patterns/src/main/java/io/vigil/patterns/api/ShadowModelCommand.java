package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Score live traffic with an approved version too, recording its score without ever deciding with it; replaces the
 * version in shadow, if any.
 */
public record ShadowModelCommand(@TargetAggregateIdentifier String modelId, int version, String comment) {}
