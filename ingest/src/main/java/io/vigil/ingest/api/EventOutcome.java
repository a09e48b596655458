package io.vigil.ingest.api;

import java.util.Optional;

/** How an operational event ended ({@code outcome} of {@code POST /api/v1/events}: success, failure). */
public enum EventOutcome {
    SUCCESS,
    FAILURE;

    /** The name on the wire, as the public contract spells it. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** The constant with this wire name; empty for any other text, including other cases. */
    public static Optional<EventOutcome> ofWireName(String wireName) {
        return WireNames.find(values(), EventOutcome::wireName, wireName);
    }
}
