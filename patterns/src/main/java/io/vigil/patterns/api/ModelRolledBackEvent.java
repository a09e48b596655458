package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The version live before the current one is live again; {@code version} is null when the rolled back version was
 * the first ever live, and no model is live now.
 *
 * @param from the version that was live
 * @param shadow the version left in shadow afterwards, null if none
 */
@Revision("1")
public record ModelRolledBackEvent(
        String modelId, ModelVersion version, int from, ModelVersion shadow, String by, Instant at, String comment)
        implements ModelEvent {}
