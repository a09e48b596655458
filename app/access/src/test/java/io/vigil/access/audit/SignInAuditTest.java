package io.vigil.access.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.access.api.ApiScope;
import io.vigil.access.keys.ApiKeyPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEvent;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Sign-ins and sign-outs in the audit trail, from the events Spring Security publishes. */
class SignInAuditTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    private final List<AuditRecord> recorded = new ArrayList<>();
    private final SignInAudit audit = new SignInAudit(
            new AuditTrail() {
                @Override
                public void append(AuditRecord record) {
                    throw new AssertionError("a sign-in is recorded in a transaction of its own");
                }

                @Override
                public void appendAlone(AuditRecord record) {
                    recorded.add(record);
                }
            },
            new ObjectMapper(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aSuccessfulSignInIsRecordedForTheUserWithTheirAddress() {
        audit.signedIn(new AuthenticationSuccessEvent(fromAddress(
                UsernamePasswordAuthenticationToken.authenticated(
                        "alice", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")),
                "10.0.0.7")));

        assertThat(recorded).singleElement().satisfies(row -> {
            assertThat(row.at()).isEqualTo(NOW);
            assertThat(row.actor()).isEqualTo(new Actor("alice", Actor.USER, "10.0.0.7"));
            assertThat(row.action()).isEqualTo("sign-in");
            assertThat(row.target()).isEqualTo("alice");
            assertThat(row.outcome()).isEqualTo("success");
            assertThat(row.details()).isEqualTo("{\"method\":\"form\"}");
        });
    }

    @Test
    void aFailedSignInNamesTheUserTriedAndTheReasonNeverThePassword() {
        request("203.0.113.5");
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated("alice", "hunter2-guess");

        audit.signInFailed(
                new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("Bad credentials")));
        audit.signInFailed(new AuthenticationFailureLockedEvent(
                attempt, new LockedException("too many failed sign-ins; try again in 15 minutes")));

        assertThat(recorded).hasSize(2).allSatisfy(row -> {
            assertThat(row.actor()).isEqualTo(new Actor(Actor.ANONYMOUS, Actor.ANONYMOUS, "203.0.113.5"));
            assertThat(row.action()).isEqualTo("sign-in");
            assertThat(row.target()).isEqualTo("alice");
            assertThat(row.outcome()).isEqualTo("failure");
            assertThat(row.details()).doesNotContain("hunter2");
        });
        assertThat(recorded)
                .extracting(AuditRecord::details)
                .containsExactly(
                        "{\"method\":\"form\",\"error\":\"Bad credentials\"}",
                        "{\"method\":\"form\",\"error\":\"too many failed sign-ins; try again in 15 minutes\"}");
    }

    @Test
    void apiKeysAreNeitherSignInsNorRecordedWhenTheyFail() {
        ApiKeyPrincipal key = new ApiKeyPrincipal("k-1", "checkout", "vgl_3kf9a2bc", Set.of(ApiScope.SUBMIT));
        audit.signedIn(new AuthenticationSuccessEvent(new TestingAuthenticationToken(key, null, List.of())));
        // a bearer credential's "name" is the secret itself
        audit.signInFailed(new AuthenticationFailureBadCredentialsEvent(
                new TestingAuthenticationToken("vgl_3kf9a2bc.the-secret", "vgl_3kf9a2bc.the-secret"),
                new BadCredentialsException("unknown key")));

        assertThat(recorded).isEmpty();
    }

    @Test
    void aSignOutIsRecordedForTheUser() {
        audit.signedOut(new LogoutSuccessEvent(
                fromAddress(UsernamePasswordAuthenticationToken.authenticated("bob", null, List.of()), "10.0.0.8")));

        assertThat(recorded).singleElement().satisfies(row -> {
            assertThat(row.actor()).isEqualTo(new Actor("bob", Actor.USER, "10.0.0.8"));
            assertThat(row.action()).isEqualTo("sign-out");
            assertThat(row.outcome()).isEqualTo("success");
        });
    }

    @Test
    void thePublisherAlsoPublishesFailuresSpringHasNoEventFor() {
        List<ApplicationEvent> published = new ArrayList<>();
        ProviderManager signIn = new ProviderManager(new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                throw new AuthenticationException("the identity provider refused the sign-in") {};
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        });
        signIn.setAuthenticationEventPublisher(
                new AuditConfig().authenticationEventPublisher(event -> published.add((ApplicationEvent) event)));

        assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("carol", "x")))
                .hasMessageContaining("refused");

        assertThat(published).singleElement().isInstanceOf(SignInFailedEvent.class);
        audit.signInFailed((AbstractAuthenticationFailureEvent) published.get(0));
        assertThat(recorded).singleElement().satisfies(row -> {
            assertThat(row.target()).isEqualTo("carol");
            assertThat(row.details()).contains("the identity provider refused the sign-in");
        });
    }

    private static <T extends Authentication> T fromAddress(T authentication, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        ((org.springframework.security.authentication.AbstractAuthenticationToken) authentication)
                .setDetails(new WebAuthenticationDetails(request));
        return authentication;
    }

    private static void request(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sign-in");
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
