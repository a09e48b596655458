package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An approved version became the live one.
 *
 * @param previous the version live before, null if none
 * @param shadow the version left in shadow afterwards (null when the promoted version was the shadow one)
 */
@Revision("1")
public record ModelPromotedEvent(
        String modelId,
        ModelVersion version,
        Integer previous,
        ModelVersion shadow,
        String by,
        Instant at,
        String comment)
        implements ModelEvent {}
