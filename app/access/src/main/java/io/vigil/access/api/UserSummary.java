package io.vigil.access.api;

import java.time.Instant;

/**
 * A console user as an admin sees them: never their password or its hash.
 *
 * @param origin {@code local} (signs in with a password) or {@code oidc} (signs in through single sign-on)
 * @param mustChangePassword whether the user still has a one-time password
 * @param lastSignInAt the last successful sign-in, or {@code null} if none yet
 */
public record UserSummary(
        String username,
        String displayName,
        Role role,
        String origin,
        boolean enabled,
        boolean mustChangePassword,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        Instant lastSignInAt) {

    /** Whether Vigil keeps this user's password (an admin may reset it). */
    public boolean local() {
        return "local".equals(origin);
    }
}
