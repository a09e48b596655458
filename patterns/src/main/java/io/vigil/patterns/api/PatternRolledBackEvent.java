package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An earlier published {@code version} became the live one again (in {@code mode}), replacing {@code fromVersion}. */
@Revision("1")
public record PatternRolledBackEvent(
        String patternId,
        PatternVersion version,
        int fromVersion,
        PatternMode mode,
        String by,
        Instant at,
        String comment)
        implements PatternEvent {}
