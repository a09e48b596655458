package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define an analyst feature; the aggregate's id is {@link #featureId(String)} of its name. */
public record DefineFeatureCommand(
        @TargetAggregateIdentifier String featureId, FeatureDefinition definition, String description) {

    public DefineFeatureCommand(FeatureDefinition definition, String description) {
        this(featureId(definition.name()), definition, description);
    }

    /** The aggregate id of the feature of this name. */
    public static String featureId(String name) {
        return "feature/" + name;
    }
}
