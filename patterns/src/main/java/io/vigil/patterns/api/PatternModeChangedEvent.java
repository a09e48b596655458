package io.vigil.patterns.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The live version's mode changed; {@code live} is that version, so the event alone says what scoring has. */
@Revision("1")
public record PatternModeChangedEvent(
        String patternId, PatternVersion live, PatternMode mode, String by, Instant at, String comment)
        implements PatternEvent {}
