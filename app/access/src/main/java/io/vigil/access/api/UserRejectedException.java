package io.vigil.access.api;

/**
 * A user command broke a rule: a name or password the rules refuse, an unknown user, the last enabled admin removed,
 * a wrong current password. The message says what to do, for the console to show as it is.
 */
public class UserRejectedException extends RuntimeException {

    public UserRejectedException(String message) {
        super(message);
    }
}
