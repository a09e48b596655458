package io.vigil.ingest.api;

import java.util.Locale;

/** The answer an API client gets for a transaction. */
public enum Decision {
    APPROVE,
    REVIEW,
    DECLINE;

    /** The lower-case name used on the wire ({@code approve}, {@code review}, {@code decline}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
