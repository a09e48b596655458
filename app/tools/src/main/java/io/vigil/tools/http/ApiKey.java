package io.vigil.tools.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API key the tools call Vigil with, sent as {@code Authorization: Bearer <key>} on every request. It is a secret:
 * {@link #toString()} shows only its visible prefix ({@code vgl_3kf9a2bc…}), so that a key never ends up whole in a
 * message, a log or an exception.
 */
public final class ApiKey {

    /** No key: requests go without {@code Authorization}. */
    public static final ApiKey NONE = new ApiKey("");

    /** The visible start of a key of Vigil's: {@code vgl_}, eight lower-case letters or digits. */
    private static final Pattern PREFIX = Pattern.compile("^(vgl_[a-z0-9]{8})_");

    private final String secret;

    private ApiKey(String secret) {
        this.secret = secret;
    }

    /**
     * A key as given (surrounding white space dropped, as from a file or a shell variable); {@link #NONE} when null
     * or blank.
     *
     * @throws IllegalArgumentException when it has characters that cannot be in an HTTP header (the message does not
     *     repeat the key)
     */
    public static ApiKey of(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        String key = value.strip();
        if (!key.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException(
                    "an API key is letters, digits and punctuation, without spaces; this one has other characters");
        }
        return new ApiKey(key);
    }

    public boolean present() {
        return !secret.isEmpty();
    }

    /** The {@code Authorization} header's value: {@code Bearer <key>}. Only for requests, never for messages. */
    public String authorization() {
        return "Bearer " + secret;
    }

    /** The key's visible prefix and an ellipsis, {@code vgl_3kf9a2bc…}, or a description of a key not of that form. */
    @Override
    public String toString() {
        if (!present()) {
            return "(none)";
        }
        Matcher prefix = PREFIX.matcher(secret);
        return prefix.find() ? prefix.group(1) + "…" : "(not of Vigil's form vgl_…)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }
}
