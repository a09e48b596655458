package io.vigil.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.access.api.ApiScope;
import io.vigil.access.keys.ApiKeyPrincipal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who the audit trail says acts, from Spring Security's context and the current request. */
class ActorTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aSignedInUserIsNamedWithTheRequestsAddress() {
        request("10.1.2.3");
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "alice", null, AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));

        assertThat(Actor.current()).isEqualTo(new Actor("alice", Actor.USER, "10.1.2.3"));
    }

    @Test
    void anApiKeyIsNamedByItsNameAndPrefixNeverItsSecret() {
        request("192.0.2.10");
        ApiKeyPrincipal key = new ApiKeyPrincipal("k-1", "checkout", "vgl_3kf9a2bc", Set.of(ApiScope.MANAGE));
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(key, "vgl_3kf9a2bc.secret-part", List.of()));
        SecurityContextHolder.getContext().getAuthentication().setAuthenticated(true);

        assertThat(Actor.current()).isEqualTo(new Actor("key checkout (vgl_3kf9a2bc)", Actor.API_KEY, "192.0.2.10"));
    }

    @Test
    void aRequestNobodyAuthenticatedIsAnonymous() {
        request("127.0.0.1");
        assertThat(Actor.current()).isEqualTo(new Actor(Actor.ANONYMOUS, Actor.ANONYMOUS, "127.0.0.1"));

        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(Actor.current()).isEqualTo(new Actor(Actor.ANONYMOUS, Actor.ANONYMOUS, "127.0.0.1"));
    }

    @Test
    void workOutsideAnyRequestIsTheSystems() {
        assertThat(Actor.current()).isEqualTo(new Actor(Actor.SYSTEM, Actor.SYSTEM, null));
        assertThat(Actor.current().asMetadata()).containsOnlyKeys(Actor.ACTOR, Actor.ACTOR_KIND);
    }

    private static void request(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/monitors");
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
