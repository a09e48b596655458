package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The pattern was archived: it left scoring and can no longer change.
 *
 * @param liveVersion the version that was live until now; null when the pattern was never published (then nothing of
 *     it was in the pattern store)
 */
@Revision("1")
public record PatternArchivedEvent(String patternId, Integer liveVersion, String by, Instant at, String comment)
        implements PatternEvent {}
