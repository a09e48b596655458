package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The approved draft was published as {@code version}, now the live one, in {@code mode}. */
@Revision("1")
public record PatternPublishedEvent(
        String patternId, PatternVersion version, PatternMode mode, String by, Instant at, String comment)
        implements PatternEvent {}
