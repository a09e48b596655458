package io.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vigil.access.api.Role;
import io.vigil.access.users.ConsoleUser;
import io.vigil.analytics.api.FindAnomaliesQuery;
import io.vigil.analytics.api.FindLatestTransactionsQuery;
import io.vigil.analytics.api.FindMonitorsQuery;
import io.vigil.analytics.api.LatestTransactions;
import io.vigil.analytics.api.MonitorAnomalies;
import io.vigil.analytics.api.MonitorList;
import io.vigil.web.config.ConsoleConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The console's security as a browser meets it: the way to the sign-in page, signing in and out, the headers of every
 * page, the CSRF token on the page for htmx and forms, and a session that follows the stored user (a password to
 * change, a user disabled, a role changed, a session too old). Who may do what is {@link ConsoleAuthorizationTest}.
 */
@WebMvcTest
@Import(ConsoleConfig.class)
class ConsoleSecurityTest extends ConsoleMvcTestSupport {

    private static final String PASSWORD = "a long and right password";

    @BeforeEach
    void aStoredPasswordAndNoTraffic() {
        willThrow(new UsernameNotFoundException("none")).given(users).loadUserByUsername(anyString());
        willReturn(new ConsoleUser(
                        "olivia",
                        PasswordEncoderFactories.createDelegatingPasswordEncoder()
                                .encode(PASSWORD),
                        Role.OPERATOR,
                        true,
                        false,
                        null))
                .given(users)
                .loadUserByUsername("olivia");
        answer(FindLatestTransactionsQuery.class, new LatestTransactions(List.of()));
    }

    // ------------------------------------------------------------------ not signed in

    @Test
    void aPageLoadWithoutSignInGoesToTheSignInPage() throws Exception {
        signedIn = null;

        mvc.perform(asOnThePage(get("/alerts"))).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(asOnThePage(post("/monitors/mon-auth/pause")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        verifyNoInteractions(commands);
    }

    @Test
    void anHtmxRequestWithoutSignInIsToldToLoadTheSignInPageWhole() throws Exception {
        signedIn = null;

        mvc.perform(asOnThePage(get("/alerts").header("HX-Request", "true")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
    }

    @Test
    void aSessionThatEndedSaysSoOnTheSignInPage() throws Exception {
        signedIn = null;

        mvc.perform(asOnThePage(get("/").with(request -> {
                    request.setRequestedSessionId("an-old-session");
                    request.setRequestedSessionIdValid(false);
                    return request;
                })))
                .andExpect(redirectedUrl("/login?expired"));
        assertThat(page(get("/login?expired"))).contains("Your session ended: sign in again.");
    }

    @Test
    void theSignInPageIsOpenAndCarriesItsCsrfToken() throws Exception {
        signedIn = null;

        String html = page(get("/login"));

        assertThat(html)
                .contains("<form method=\"post\" action=\"/login\"", "name=\"username\"", "name=\"password\"")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"")
                .doesNotContain("Sign out");
    }

    // ------------------------------------------------------------------ signing in and out

    @Test
    void theRightPasswordSignsInAndGoesToTheStartPage() throws Exception {
        signedIn = null;

        mvc.perform(post("/login")
                        .param("username", "Olivia")
                        .param("password", PASSWORD)
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("olivia").withRoles("OPERATOR"));
    }

    @Test
    void afterSigningInTheBrowserGoesBackToThePageItAskedForButNeverToAFragment() throws Exception {
        signedIn = null;
        MockHttpSession browser = new MockHttpSession();
        mvc.perform(asOnThePage(get("/alerts?state=all").session(browser))).andExpect(redirectedUrl("/login"));
        mvc.perform(asOnThePage(get("/monitors").header("HX-Request", "true").session(browser)))
                .andExpect(status().isUnauthorized());

        mvc.perform(post("/login")
                        .param("username", "olivia")
                        .param("password", PASSWORD)
                        .session(browser)
                        .with(csrf()))
                .andExpect(redirectedUrl("http://localhost/alerts?state=all"));
    }

    @Test
    void aWrongPasswordComesBackToTheSignInPageSayingSo() throws Exception {
        signedIn = null;

        MvcResult refused = mvc.perform(post("/login")
                        .param("username", "olivia")
                        .param("password", "not the password")
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated())
                .andReturn();

        String html = page(get("/login?error")
                .session((MockHttpSession) refused.getRequest().getSession()));
        assertThat(html).contains("role=\"alert\"", "The username or the password is not right.");
    }

    @Test
    void aSignInWithoutTheCsrfTokenSignsNobodyIn() throws Exception {
        signedIn = null;

        // as from a sign-in page left open longer than its session: the page again, to sign in afresh
        mvc.perform(post("/login").param("username", "olivia").param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?expired"))
                .andExpect(unauthenticated());
    }

    @Test
    void signingOutEndsTheSessionAndSaysSo() throws Exception {
        mvc.perform(asOnThePage(post("/logout")))
                .andExpect(redirectedUrl("/login?signedOut"))
                .andExpect(unauthenticated());
        signedIn = null;
        assertThat(page(get("/login?signedOut"))).contains("You are signed out.");
    }

    @Test
    void theSignInPageOfASignedInUserLeadsToTheConsole() throws Exception {
        mvc.perform(asOnThePage(get("/login"))).andExpect(redirectedUrl("/"));
    }

    // ------------------------------------------------------------------ every page

    @WithAndWithoutHtmx
    void everyPageSendsTheSecurityHeaders(boolean htmx) throws Exception {
        MockHttpServletRequestBuilder request = get("/");
        if (htmx) {
            request.header("HX-Request", "true");
        }

        mvc.perform(asOnThePage(request))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy",
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                                        + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
                                        + " form-action 'self'; frame-ancestors 'none'"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Cross-Origin-Opener-Policy", "same-origin"))
                .andExpect(header().string("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"));
    }

    @Test
    void aPageGivesHtmxTheCsrfTokenForEveryRequestAndShowsWhoIsSignedIn() throws Exception {
        String html = render(get("/"), false);

        assertThat(html)
                .containsPattern("<body hx-headers=\"\\{&quot;X-CSRF-TOKEN&quot;: &quot;[A-Za-z0-9_-]+=*&quot;\\}\">")
                .contains("name=\"htmx-config\"", "\"includeIndicatorStyles\":false")
                .contains("<span class=\"signed-in-user\">olivia</span>", "href=\"/account/password\"")
                .containsPattern("<form method=\"post\" action=\"/logout\" class=\"sign-out\">"
                        + "<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"/?>"
                        + "<button type=\"submit\" id=\"sign-out\">Sign out</button></form>")
                .doesNotContain("href=\"/users\"");
    }

    @Test
    void theUsersLinkIsForAdmins() throws Exception {
        signedIn = ADMIN;

        assertThat(render(get("/"), false)).contains("href=\"/users\"");
    }

    @Test
    void thePatternsLinkIsForAnalystsAndAbove() throws Exception {
        for (ConsoleUser user : new ConsoleUser[] {VIEWER, OPERATOR, ANALYST, APPROVER, ADMIN}) {
            signedIn = user;

            String html = render(get("/"), false);

            if (user.role().includes(Role.ANALYST)) {
                assertThat(html).as(user.username()).contains("<a href=\"/patterns\">Patterns</a>");
            } else {
                assertThat(html).as(user.username()).doesNotContain("href=\"/patterns\"");
            }
        }
    }

    @WithAndWithoutHtmx
    void aRefusedRequestGetsAReadablePageSayingWhy(boolean htmx) throws Exception {
        MockHttpServletRequestBuilder byRole = get("/access-denied")
                .requestAttr(WebAttributes.ACCESS_DENIED_403, new AccessDeniedException("Access Denied"));
        MockHttpServletRequestBuilder byToken =
                get("/access-denied").requestAttr(WebAttributes.ACCESS_DENIED_403, new MissingCsrfTokenException(null));
        if (htmx) {
            byRole.header("HX-Request", "true");
            byToken.header("HX-Request", "true");
        }

        String role = mvc.perform(asOnThePage(byRole))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String token = mvc.perform(asOnThePage(byToken))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(role).contains("role=\"alert\"", "Your role may not do this, so nothing was changed.");
        assertThat(token).contains("role=\"alert\"", "Reload the page and try again. Nothing was changed.");
        if (htmx) {
            assertThat(role).doesNotContain("<html");
        } else {
            assertThat(role)
                    .contains("<html", "Back to live traffic", "<nav>", "id=\"sign-out\"")
                    .doesNotContain("Exception", "at io.vigil");
        }
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        for (String path : List.of("/monitors/mon-auth/pause", "/alerts/acknowledge", "/users", "/account/password")) {
            signedIn = ADMIN;
            mvc.perform(post(path).param("alertId", "a-1").with(sessionOf(ADMIN)))
                    .andExpect(status().isForbidden())
                    .andExpect(forwardedUrl("/access-denied"));
            mvc.perform(post(path)
                            .param("alertId", "a-1")
                            .header("HX-Request", "true")
                            .header("X-CSRF-TOKEN", "forged")
                            .with(sessionOf(ADMIN)))
                    .andExpect(status().isForbidden());
        }
        verifyNoInteractions(commands);
    }

    // ------------------------------------------------------------------ the session follows the stored user

    @WithAndWithoutHtmx
    void aUserWithAOneTimePasswordIsSentToChangeItFirst(boolean htmx) throws Exception {
        signedIn = new ConsoleUser("newbie", null, Role.OPERATOR, true, true, null);
        stored.put("newbie", signedIn);
        MockHttpServletRequestBuilder request = get("/alerts");
        if (htmx) {
            request.header("HX-Request", "true");
        }

        if (htmx) {
            mvc.perform(asOnThePage(request))
                    .andExpect(status().isForbidden())
                    .andExpect(header().string("HX-Redirect", "/account/password"));
        } else {
            mvc.perform(asOnThePage(request)).andExpect(redirectedUrl("/account/password"));
        }
        mvc.perform(asOnThePage(post("/monitors/mon-auth/pause"))).andExpect(redirectedUrl("/account/password"));
        verifyNoInteractions(commands);
        assertThat(render(get("/account/password"), htmx))
                .contains("id=\"must-change\"", "choose a password of your own");
    }

    @Test
    void aUserWhoChangedTheirPasswordGoesOnWithoutSigningInAgain() throws Exception {
        signedIn = new ConsoleUser("newbie", null, Role.OPERATOR, true, true, null);
        stored.put("newbie", new ConsoleUser("newbie", null, Role.OPERATOR, true, false, null));

        assertThat(render(get("/"), false)).contains("Live traffic").doesNotContain("id=\"must-change\"");
    }

    @WithAndWithoutHtmx
    void aDisabledUserIsSignedOutAtTheirNextRequest(boolean htmx) throws Exception {
        stored.put("olivia", new ConsoleUser("olivia", null, Role.OPERATOR, false, false, null));
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequestBuilder request = get("/alerts").session(session);
        if (htmx) {
            request.header("HX-Request", "true");
        }

        if (htmx) {
            mvc.perform(asOnThePage(request))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("HX-Redirect", "/login?disabled"));
        } else {
            mvc.perform(asOnThePage(request)).andExpect(redirectedUrl("/login?disabled"));
        }
        assertThat(session.isInvalid()).isTrue();
        signedIn = null;
        assertThat(page(get("/login?disabled"))).contains("your user was disabled");
    }

    @Test
    void aRemovedUserIsSignedOut() throws Exception {
        stored.remove("olivia");

        mvc.perform(asOnThePage(get("/"))).andExpect(redirectedUrl("/login?disabled"));
    }

    @Test
    void aRoleChangedByAnAdminAppliesFromTheNextRequest() throws Exception {
        answer(FindMonitorsQuery.class, new MonitorList(List.of(AUTH)));
        answer(FindAnomaliesQuery.class, new MonitorAnomalies(null, Map.of(), List.of()));
        signedIn = VIEWER;
        stored.put("vera", user("vera", Role.OPERATOR));

        mvc.perform(asOnThePage(post("/monitors/mon-auth/pause").header("HX-Request", "true")))
                .andExpect(status().isOk());

        stored.put("olivia", user("olivia", Role.VIEWER));
        signedIn = OPERATOR;
        mvc.perform(asOnThePage(post("/monitors/mon-auth/pause"))).andExpect(status().isForbidden());
    }

    @Test
    void aSessionOlderThanTheLongestASessionLastsEnds() throws Exception {
        signedIn = new ConsoleUser(
                "olivia", null, Role.OPERATOR, true, false, Instant.now().minus(Duration.ofHours(12)));

        mvc.perform(asOnThePage(get("/"))).andExpect(redirectedUrl("/login?expired"));

        signedIn = new ConsoleUser(
                "olivia", null, Role.OPERATOR, true, false, Instant.now().minus(Duration.ofHours(11)));
        mvc.perform(asOnThePage(get("/"))).andExpect(status().isOk());
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(asOnThePage(request))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
