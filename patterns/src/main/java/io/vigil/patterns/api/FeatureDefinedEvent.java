package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An analyst defined a feature. A definition never changes: a different window or filter is a feature of another
 * name, so values already counted never mean something else.
 */
@Revision("1")
public record FeatureDefinedEvent(FeatureDefinition definition, String description, String by, Instant at)
        implements FeatureEvent {

    @Override
    public String name() {
        return definition.name();
    }
}
