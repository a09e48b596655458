package io.vigil.access.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of console users, written once for the console's forms and the user commands: what a username, a display
 * name and a password may be. A broken rule is a {@link UserRejectedException} whose message a person can act on.
 */
public final class UserRules {

    public static final int MIN_USERNAME = 2;
    public static final int MAX_USERNAME = 64;
    /**
     * Lower-case letters, digits and {@code . _ - @}, starting with a letter or a digit: a name that is safe in a URL, a
     * log line and an audit entry, and that a single sign-on provider's login or e-mail address fits.
     */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    public static final int MAX_DISPLAY_NAME = 200;
    public static final int MIN_PASSWORD = 12;
    /** bcrypt reads the first 72 bytes of a password and no more. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /**
     * The Spring Security authority a session has, besides its role, while its user must change a one-time password:
     * pages can tell it without knowing the access module's types ({@code sec:authorize="hasAuthority(...)"}).
     */
    public static final String MUST_CHANGE_PASSWORD = "MUST_CHANGE_PASSWORD";

    private UserRules() {}

    /** The username as stored: trimmed and in lower case, so {@code Alice} and {@code alice} are one user. */
    public static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** A valid username, normalized; otherwise says what is wrong with it. */
    public static String username(String username) {
        String name = normalize(username);
        if (name.length() < MIN_USERNAME || name.length() > MAX_USERNAME) {
            throw new UserRejectedException("A username has " + MIN_USERNAME + " to " + MAX_USERNAME + " characters; \""
                    + shown(name) + "\" has " + name.length() + ".");
        }
        if (!USERNAME.matcher(name).matches()) {
            throw new UserRejectedException("A username has lower-case letters, digits and . _ - @ only, and starts"
                    + " with a letter or a digit; \"" + shown(name) + "\" does not.");
        }
        return name;
    }

    /** An optional display name: blank is none; at most {@value #MAX_DISPLAY_NAME} characters, on one line. */
    public static String displayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return null;
        }
        String name = displayName.strip();
        if (name.length() > MAX_DISPLAY_NAME) {
            throw new UserRejectedException("A display name has at most " + MAX_DISPLAY_NAME + " characters.");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new UserRejectedException("A display name is one line of text, without control characters.");
        }
        return name;
    }

    /**
     * The password policy: at least {@value #MIN_PASSWORD} characters, at most {@value #MAX_PASSWORD_BYTES} bytes, and
     * not the username.
     */
    public static void password(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new UserRejectedException("A password has at least " + MIN_PASSWORD + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new UserRejectedException("A password has at most " + MAX_PASSWORD_BYTES
                    + " bytes (72 letters without accents): Vigil's password hash reads no more.");
        }
        if (password.strip().equalsIgnoreCase(normalize(username))) {
            throw new UserRejectedException("A password must not be the username.");
        }
    }

    private static String shown(String name) {
        String printable = name.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }
}
