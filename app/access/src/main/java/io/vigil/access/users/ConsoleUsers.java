package io.vigil.access.users;

import io.vigil.access.api.UserRules;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * What the console's security reads of the users: the user signing in, with their password hash, and the user behind
 * a session as stored now, which each request of the session checks.
 */
@Service
public class ConsoleUsers implements UserDetailsService {

    private final UserStore store;

    ConsoleUsers(UserStore store) {
        this.store = store;
    }

    /**
     * The user signing in with a password. A user without one (single sign-on) is as unknown here, so that the answer
     * is the same as for a wrong password.
     */
    @Override
    public ConsoleUser loadUserByUsername(String username) {
        return store.find(UserRules.normalize(username))
                .filter(user -> user.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("no user with a password by that name"));
    }

    /** The user as stored now, without the password hash. */
    public Optional<ConsoleUser> current(String username) {
        return store.find(username).map(user -> user.signedIn(null));
    }

    public void recordSignIn(String username, Instant at) {
        store.recordSignIn(username, at);
    }
}
