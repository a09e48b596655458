package io.vigil.ingest.api;

import java.util.Locale;

/** Who gave a transaction's label: the API client's outcome report, or an analyst's review in the console. */
public enum OutcomeSource {
    CLIENT,
    REVIEW;

    /** The lower-case name used on the wire ({@code client}, {@code review}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
