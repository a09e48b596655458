package io.vigil.access.api;

/**
 * A password to give to a user once, after creating them or resetting their password: shown once in the console,
 * never stored in clear, and to be changed at the next sign-in.
 */
public record OneTimePassword(String username, String password) {

    /** Never shows the password, should the result be logged. */
    @Override
    public String toString() {
        return "OneTimePassword[username=" + username + "]";
    }
}
