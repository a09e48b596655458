package io.vigil.access.users;

import io.vigil.access.api.Role;
import io.vigil.access.api.UserRules;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A console user as Spring Security sees them: at sign-in with the password hash, in the session without it
 * ({@link #signedIn}). The role is the authority ({@code ROLE_OPERATOR}); the role hierarchy adds the roles below
 * it. A user who must change their password has {@link UserRules#MUST_CHANGE_PASSWORD} as well.
 *
 * @param signedInAt when the session began ({@code null} before sign-in), for the longest a session may last
 */
public record ConsoleUser(
        String username,
        String passwordHash,
        Role role,
        boolean enabled,
        boolean mustChangePassword,
        Instant signedInAt)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        SimpleGrantedAuthority granted = new SimpleGrantedAuthority(role.authority());
        return mustChangePassword
                ? List.of(granted, new SimpleGrantedAuthority(UserRules.MUST_CHANGE_PASSWORD))
                : List.of(granted);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** This user in a session that began at {@code at}, without the password hash. */
    public ConsoleUser signedIn(Instant at) {
        return new ConsoleUser(username, null, role, enabled, mustChangePassword, at);
    }

    /** The same session with the user as they are stored now (another role, a password changed). */
    public ConsoleUser refreshedFrom(ConsoleUser stored) {
        return new ConsoleUser(username, null, stored.role, stored.enabled, stored.mustChangePassword, signedInAt);
    }

    /** Whether the stored user differs from this session's in what the session grants. */
    public boolean grantsDifferFrom(ConsoleUser stored) {
        return role != stored.role || mustChangePassword != stored.mustChangePassword;
    }

    /** Never shows the hash. */
    @Override
    public String toString() {
        return "ConsoleUser[" + username + ", " + role.wireName() + (enabled ? "" : ", disabled")
                + (mustChangePassword ? ", must change password" : "") + "]";
    }
}
