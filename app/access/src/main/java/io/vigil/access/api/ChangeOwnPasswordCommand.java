package io.vigil.access.api;

/**
 * A signed-in user changes their own password, giving the current one. Clears the obligation to change it.
 *
 * @param username the signed-in user
 * @param currentPassword the password they signed in with
 * @param newPassword the password they choose ({@link UserRules#password})
 */
public record ChangeOwnPasswordCommand(String username, String currentPassword, String newPassword) {

    /** Never shows the passwords, should the command be logged. */
    @Override
    public String toString() {
        return "ChangeOwnPasswordCommand[username=" + username + "]";
    }
}
