package io.vigil.ingest.api;

import java.util.Optional;

/** The step of a partner integration an operational event reports ({@code operation}: session, authorization, order). */
public enum Operation {
    SESSION,
    AUTHORIZATION,
    ORDER;

    /** The name on the wire, as the public contract spells it. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** The constant with this wire name; empty for any other text, including other cases. */
    public static Optional<Operation> ofWireName(String wireName) {
        return WireNames.find(values(), Operation::wireName, wireName);
    }
}
