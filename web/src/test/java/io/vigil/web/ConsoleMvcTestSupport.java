package io.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vigil.access.api.Role;
import io.vigil.access.config.AccessConfig;
import io.vigil.access.security.ConsoleSecurity;
import io.vigil.access.users.ConsoleUser;
import io.vigil.access.users.ConsoleUsers;
import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.MetricKind;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorStatus;
import io.vigil.analytics.api.MonitorSummary;
import io.vigil.analytics.api.Observation;
import io.vigil.analytics.api.Sensitivity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the console's {@code @WebMvcTest}s share: the console's security as Vigil runs it, with the stored users
 * mocked; the gateways mocked; requests with and without htmx's HX-Request header, made by a signed-in user (an
 * operator unless a test signs in as another) with the page's CSRF token; the shape of a full page and of a fragment,
 * and the monitors the pages show.
 */
@Import({ConsoleSecurity.class, AccessConfig.class})
public abstract class ConsoleMvcTestSupport {

    /** One user of each role, as stored, by username. */
    protected static final ConsoleUser VIEWER = user("vera", Role.VIEWER);

    protected static final ConsoleUser OPERATOR = user("olivia", Role.OPERATOR);
    protected static final ConsoleUser ANALYST = user("anna", Role.ANALYST);
    protected static final ConsoleUser APPROVER = user("apollo", Role.APPROVER);
    protected static final ConsoleUser ADMIN = user("ada", Role.ADMIN);

    /** The users as the session filter finds them; a test may change one, as an admin would. */
    protected final Map<String, ConsoleUser> stored = new ConcurrentHashMap<>();

    /** Who makes the requests; {@code null}: nobody is signed in. */
    protected ConsoleUser signedIn = OPERATOR;

    protected static final Instant MINUTE = Instant.parse("2026-11-23T10:15:00Z");

    protected static final MonitorSummary AUTH = new MonitorSummary(
            "mon-auth",
            new MonitorDefinition(
                    "Authorization success by merchant",
                    "",
                    MetricKind.CONVERSION,
                    "authorization",
                    null,
                    List.of(Dimension.MERCHANT, Dimension.COUNTRY),
                    Map.of(),
                    Direction.DROP,
                    Sensitivity.MEDIUM,
                    0),
            MonitorStatus.ACTIVE,
            MINUTE.minus(Duration.ofDays(2)),
            "console");

    protected static final MonitorSummary DECLINES = new MonitorSummary(
            "mon-declines",
            new MonitorDefinition(
                    "Declines by payment method",
                    "",
                    MetricKind.COUNT,
                    "authorization",
                    null,
                    List.of(Dimension.PAYMENT_METHOD),
                    Map.of(),
                    Direction.SPIKE,
                    Sensitivity.HIGH,
                    20),
            MonitorStatus.PAUSED,
            MINUTE.minus(Duration.ofDays(1)),
            "alice");

    protected static final Observation DROP = new Observation(0.412, 0.9, Observation.YESTERDAY, 0.0001, 87, 340);

    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected QueryGateway queries;

    @MockitoBean
    protected CommandGateway commands;

    @MockitoBean
    protected ConsoleUsers users;

    @BeforeEach
    void storeUsers() {
        for (ConsoleUser user : new ConsoleUser[] {VIEWER, OPERATOR, ANALYST, APPROVER, ADMIN}) {
            stored.put(user.username(), user);
        }
        given(users.current(any(String.class)))
                .willAnswer(call -> Optional.ofNullable(stored.get(call.getArgument(0))));
    }

    protected static ConsoleUser user(String username, Role role) {
        return new ConsoleUser(username, null, role, true, false, null);
    }

    /** The signed-in session of this user, as the console's sign-in makes it. */
    protected static RequestPostProcessor sessionOf(ConsoleUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** The request as the console's page sends it: by the signed-in user, with the page's CSRF token. */
    protected MockHttpServletRequestBuilder asOnThePage(MockHttpServletRequestBuilder request) {
        if (signedIn != null) {
            request.with(sessionOf(signedIn));
        }
        return request.with(csrf());
    }

    /**
     * The signed-in user may not make this request: it is forwarded to the console's 403 page and sends no command.
     */
    protected void assertRefused(MockHttpServletRequestBuilder request, boolean htmx) throws Exception {
        if (htmx) {
            request.header("HX-Request", "true");
        }
        mvc.perform(asOnThePage(request)).andExpect(status().isForbidden()).andExpect(forwardedUrl("/access-denied"));
        verifyNoInteractions(commands);
    }

    /** The request, by the signed-in user but without the page's CSRF token, is refused and sends no command. */
    protected void assertRefusedWithoutCsrfToken(MockHttpServletRequestBuilder request, boolean htmx) throws Exception {
        if (htmx) {
            request.header("HX-Request", "true");
        }
        mvc.perform(request.with(sessionOf(signedIn))).andExpect(status().isForbidden());
        verifyNoInteractions(commands);
    }

    /** Performs the request, with the HX-Request header when {@code htmx}, and answers the body of a 200. */
    protected String render(MockHttpServletRequestBuilder request, boolean htmx) throws Exception {
        return render(request, htmx, 200);
    }

    /** Performs the request, with the HX-Request header when {@code htmx}, and answers the body of its answer. */
    protected String render(MockHttpServletRequestBuilder request, boolean htmx, int expectedStatus) throws Exception {
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return mvc.perform(asOnThePage(request))
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * Posts a form as the page does: through htmx it answers the fragment; as a plain form post it redirects to the
     * page, and this follows the redirect, with the flashed message, to the page the browser would show.
     */
    protected String submit(MockHttpServletRequestBuilder request, boolean htmx) throws Exception {
        if (htmx) {
            return render(request, true);
        }
        MvcResult posted = mvc.perform(asOnThePage(request))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = posted.getResponse().getRedirectedUrl();
        assertThat(location).as("the page redirected to").isNotNull();
        MockHttpServletRequestBuilder page = get(URI.create(location));
        if (!posted.getFlashMap().isEmpty()) {
            page.flashAttrs(posted.getFlashMap());
        }
        return render(page, false);
    }

    /** A full page is a whole document with the console's navigation; an htmx answer is only the fragment. */
    protected static void assertShape(String html, boolean htmx, String activeNavLink) {
        if (htmx) {
            assertThat(html).doesNotContain("<html", "<head", "<nav>", "htmx.min.js");
        } else {
            assertThat(html)
                    .contains("<!DOCTYPE html>", "<html", "<nav>", "href=\"/alerts\"", "href=\"/monitors\"")
                    .containsPattern("aria-current=\"page\"[^>]*>" + activeNavLink + "</a>");
        }
    }

    protected static String section(String html, String marker) {
        int start = html.indexOf(marker);
        assertThat(start).as("%s in the page", marker).isNotNegative();
        int end = html.indexOf("</table>", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    protected static String rowOf(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as("%s in the page", marker).isNotNegative();
        int start = html.lastIndexOf("<tr", at);
        return html.substring(start < 0 ? at : start, html.indexOf("</tr>", at));
    }

    @SuppressWarnings("unchecked")
    protected <Q> void answer(Class<Q> queryType, Object result) {
        given(queries.query(any(queryType), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(result));
    }

    /** The one query of this type the controller asked. */
    protected <Q> Q queried(Class<Q> type) {
        List<Q> asked = queriedAll(type);
        assertThat(asked).hasSize(1);
        return asked.get(0);
    }

    @SuppressWarnings("unchecked")
    protected <Q> List<Q> queriedAll(Class<Q> type) {
        ArgumentCaptor<Object> captor = ArgumentCaptor.forClass(Object.class);
        verify(queries, atLeastOnce()).query(captor.capture(), any(ResponseType.class));
        return captor.getAllValues().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** The one command the controller sent, which must be of this type. */
    protected <C> C sent(Class<C> type) {
        ArgumentCaptor<Object> captor = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(captor.capture());
        assertThat(captor.getValue()).isInstanceOf(type);
        return type.cast(captor.getValue());
    }

    protected static Map<String, String> series(String... namesAndValues) {
        Map<String, String> series = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            series.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return series;
    }
}
