package io.vigil.access.security;

import io.vigil.access.api.UserRules;
import io.vigil.access.users.ConsoleUser;
import io.vigil.access.users.ConsoleUsers;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The console's password sign-in: Spring Security's check of the password hash, behind the {@link SignInThrottle}.
 * A throttled sign-in is refused before the password is looked at. Whether a user is disabled is said only after
 * the right password, so that nobody learns it by guessing names. The messages are the ones the sign-in page shows.
 */
class ThrottledSignIn implements AuthenticationProvider {

    static final String WRONG = "The username or the password is not right.";

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final ConsoleUsers users;
    private final Clock clock;

    ThrottledSignIn(ConsoleUsers users, PasswordEncoder encoder, SignInThrottle throttle, Clock clock) {
        this.users = users;
        this.throttle = throttle;
        this.clock = clock;
        this.passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        // disabled is checked after the password (below), not before it as Spring Security does by default
        passwords.setPreAuthenticationChecks(user -> {});
        passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("This user is disabled: ask an admin to enable it.");
            }
        });
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = UserRules.normalize(attempt.getName());
        if (username.length() > UserRules.MAX_USERNAME) {
            // no user has such a name; cut it, so that the throttle's memory holds short names only
            username = username.substring(0, UserRules.MAX_USERNAME + 1);
        }
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Optional<Duration> wait = throttle.refusal(username, address);
        if (wait.isPresent()) {
            throw new LockedException("Too many failed sign-ins: try again in " + inWords(wait.get()) + ".");
        }
        UsernamePasswordAuthenticationToken checked =
                UsernamePasswordAuthenticationToken.unauthenticated(username, attempt.getCredentials());
        checked.setDetails(attempt.getDetails());
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(checked);
        } catch (BadCredentialsException e) {
            throw failed(username, address);
        }
        ConsoleUser user = ((ConsoleUser) signedIn.getPrincipal()).signedIn(clock.instant());
        throttle.succeeded(username);
        users.recordSignIn(user.username(), user.signedInAt());
        UsernamePasswordAuthenticationToken session =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        session.setDetails(attempt.getDetails());
        return session;
    }

    private BadCredentialsException failed(String username, String address) {
        throttle.failed(username, address);
        return new BadCredentialsException(WRONG);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** {@code 45 seconds}, {@code 3 minutes}, {@code 1 hour}: rounded up, as a person reads it. */
    static String inWords(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = (minutes + 59) / 60;
        return hours + (hours == 1 ? " hour" : " hours");
    }
}
