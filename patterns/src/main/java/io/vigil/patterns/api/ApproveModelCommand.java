package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve a candidate version; refused to whoever registered or trained it. */
public record ApproveModelCommand(@TargetAggregateIdentifier String modelId, int version, String comment) {}
