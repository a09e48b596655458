package io.vigil.access.api;

/**
 * Give a user a new one-time password, answered as a {@link OneTimePassword}: for a user who forgot theirs. The old
 * password stops working at once, and the user must change the new one at their next sign-in.
 */
public record ResetUserPasswordCommand(String username, String by) {}
