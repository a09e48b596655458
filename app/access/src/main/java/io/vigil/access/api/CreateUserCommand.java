package io.vigil.access.api;

/**
 * Create a console user who signs in with a password. Answers the {@link OneTimePassword} the user signs in with
 * first; they must change it then.
 *
 * @param username the name to sign in with ({@link UserRules#username})
 * @param displayName a name to show, or {@code null}
 * @param role what the user may do
 * @param initialPassword the one-time password to give, or {@code null} to have Vigil draw one (the first admin's
 *     comes from a setting)
 * @param by who creates the user
 */
public record CreateUserCommand(String username, String displayName, Role role, String initialPassword, String by) {

    public static CreateUserCommand withDrawnPassword(String username, String displayName, Role role, String by) {
        return new CreateUserCommand(username, displayName, role, null, by);
    }

    /** Never shows the password, should the command be logged. */
    @Override
    public String toString() {
        return "CreateUserCommand[username=" + username + ", displayName=" + displayName + ", role=" + role
                + ", initialPassword=" + (initialPassword == null ? "drawn" : "given") + ", by=" + by + "]";
    }
}
