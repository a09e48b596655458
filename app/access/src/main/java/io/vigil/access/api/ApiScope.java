package io.vigil.access.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an API key may do on {@code /api/v1/**} (the contract's Authentication section). Scopes are not ordered: a key
 * has each scope it was given and no other.
 */
public enum ApiScope {
    /** Submit transactions, operational events and outcomes. */
    SUBMIT,
    /** Read transactions and other results. */
    READ,
    /** Monitors, alerts, patterns, lists, models and reviews. */
    MANAGE,
    /**
     * Create, list and revoke API keys through the API. No key gets it unless asked for: {@code ./vigil} keeps a key
     * with it for itself (the local key) so that {@code ./vigil api-key create} works without a console.
     */
    ADMIN;

    /** The scopes a key gets when none are named: every scope the contract defines (submit, read, manage). */
    public static Set<ApiScope> defaults() {
        return EnumSet.of(SUBMIT, READ, MANAGE);
    }

    /** The name used on the command line, in the console and in the OpenAPI document. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority of this scope ({@code SCOPE_submit}). */
    public String authority() {
        return "SCOPE_" + wireName();
    }

    public static Optional<ApiScope> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(scope -> scope.name().equals(wanted))
                .findFirst();
    }
}
