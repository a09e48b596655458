package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An approved version is scored in shadow.
 *
 * @param live the live version, null if none (so the store's choice can be written from this event alone)
 * @param replaced the version that was in shadow before, null if none
 */
@Revision("1")
public record ModelShadowedEvent(
        String modelId,
        ModelVersion version,
        ModelVersion live,
        Integer replaced,
        String by,
        Instant at,
        String comment)
        implements ModelEvent {}
