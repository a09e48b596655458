package io.vigil.access.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.vigil.access.api.Role;
import io.vigil.access.config.AccessSettings;
import io.vigil.access.users.ConsoleUser;
import io.vigil.access.users.ConsoleUsers;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Sign-in with a password: the hash check behind the throttle, and what each refusal says. */
class ThrottledSignInTest {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final String PASSWORD = "correct horse battery";
    private static final String HASH = ENCODER.encode(PASSWORD);

    private final SignInThrottleTest.MovingClock clock = new SignInThrottleTest.MovingClock();
    private final ConsoleUsers users = mock(ConsoleUsers.class);
    private final ThrottledSignIn signIn =
            new ThrottledSignIn(users, ENCODER, new SignInThrottle(AccessSettings.SignIn.defaults(), clock), clock);

    @BeforeEach
    void storedUsers() {
        willThrow(new UsernameNotFoundException("no such user")).given(users).loadUserByUsername(anyString());
        willReturn(new ConsoleUser("alice", HASH, Role.OPERATOR, true, false, null))
                .given(users)
                .loadUserByUsername("alice");
        willReturn(new ConsoleUser("dave", HASH, Role.VIEWER, false, false, null))
                .given(users)
                .loadUserByUsername("dave");
    }

    @Test
    void theRightPasswordSignsInWithTheRoleAndKeepsNoHashInTheSession() {
        Authentication session = signIn.authenticate(attempt(" Alice ", PASSWORD, "10.0.0.1"));

        assertThat(session.isAuthenticated()).isTrue();
        assertThat(session.getName()).isEqualTo("alice");
        assertThat(session.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
        ConsoleUser user = (ConsoleUser) session.getPrincipal();
        assertThat(user.passwordHash()).isNull();
        assertThat(session.getCredentials()).isNull();
        assertThat(user.signedInAt()).isEqualTo(clock.instant());
        verify(users).recordSignIn("alice", clock.instant());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAreRefusedAlike() {
        assertThatThrownBy(() -> signIn.authenticate(attempt("alice", "wrong password!", "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage(ThrottledSignIn.WRONG);
        assertThatThrownBy(() -> signIn.authenticate(attempt("mallory", PASSWORD, "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage(ThrottledSignIn.WRONG);
        verify(users, never()).recordSignIn(anyString(), org.mockito.ArgumentMatchers.any(Instant.class));
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedWithoutBeingChecked() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() ->
                            signIn.authenticate(attempt("alice", "guess number " + System.nanoTime(), "10.0.0.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        org.mockito.Mockito.clearInvocations(users);

        assertThatThrownBy(() -> signIn.authenticate(attempt("ALICE", PASSWORD, "10.0.0.2")))
                .isInstanceOf(LockedException.class)
                .hasMessage("Too many failed sign-ins: try again in 1 minute.");
        verify(users, never()).loadUserByUsername(anyString());

        clock.move(java.time.Duration.ofMinutes(1));
        assertThat(signIn.authenticate(attempt("alice", PASSWORD, "10.0.0.2")).isAuthenticated())
                .isTrue();
    }

    @Test
    void aDisabledUserIsToldSoOnlyWithTheRightPassword() {
        assertThatThrownBy(() -> signIn.authenticate(attempt("dave", "wrong password!", "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage(ThrottledSignIn.WRONG);
        assertThatThrownBy(() -> signIn.authenticate(attempt("dave", PASSWORD, "10.0.0.1")))
                .isInstanceOf(DisabledException.class)
                .hasMessage("This user is disabled: ask an admin to enable it.");
    }

    @Test
    void aHugeUsernameIsCountedByItsFirstCharactersOnly() {
        String huge = "a".repeat(60_000);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt(huge, "guess", "10.0.0.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> signIn.authenticate(attempt("a".repeat(65) + "b", "guess", "10.0.0.2")))
                .as("the same first 65 characters")
                .isInstanceOf(LockedException.class);
    }

    @Test
    void waitsAreSaidInWords() {
        assertThat(ThrottledSignIn.inWords(java.time.Duration.ofMillis(200))).isEqualTo("1 second");
        assertThat(ThrottledSignIn.inWords(java.time.Duration.ofSeconds(45))).isEqualTo("45 seconds");
        assertThat(ThrottledSignIn.inWords(java.time.Duration.ofSeconds(61))).isEqualTo("2 minutes");
        assertThat(ThrottledSignIn.inWords(java.time.Duration.ofHours(1))).isEqualTo("1 hour");
    }

    private static UsernamePasswordAuthenticationToken attempt(String username, String password, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return attempt;
    }
}
