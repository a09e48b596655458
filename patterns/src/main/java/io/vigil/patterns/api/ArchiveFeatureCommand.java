package io.vigil.patterns.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Archive a feature: it leaves scoring. A published pattern that reads it stops matching, so archive those first. */
public record ArchiveFeatureCommand(
        @TargetAggregateIdentifier String featureId, String reason) {

    public static ArchiveFeatureCommand of(String name, String reason) {
        return new ArchiveFeatureCommand(DefineFeatureCommand.featureId(name), reason);
    }
}
