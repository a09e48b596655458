package io.vigil.analytics.api;

import java.util.UUID;

/**
 * Ids for new monitors, the same whether the REST API or the console creates them: {@code mon-} and eight hex digits
 * ({@code mon-3f2a9c1e}). A client of the API may choose its own id instead.
 */
public final class MonitorId {

    private static final String PREFIX = "mon-";

    private MonitorId() {}

    /** A new, random monitor id. */
    public static String next() {
        return PREFIX + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The id asked for, or a new one when none is asked for ({@code null} or blank). */
    public static String orNext(String requested) {
        return requested == null || requested.isBlank() ? next() : requested;
    }
}
