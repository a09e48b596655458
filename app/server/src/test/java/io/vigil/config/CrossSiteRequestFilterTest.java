package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * How the cross-site check answers each kind of state-changing request: passed on, refused as a possible cross-site
 * request (403, problem+json for the API, a page for the console), or an API body that is not JSON sent without
 * Origin (the contract's 415). A refused request never reaches the application.
 */
class CrossSiteRequestFilterTest {

    private static final int PORT = 8080;
    private static final String OWN = "127.0.0.1:" + PORT;

    private final CrossSiteRequestFilter filter =
            new CrossSiteRequestFilter(new AllowedHosts(null, List.of()), new ObjectMapper());

    static Stream<Arguments> passed() {
        return Stream.of(
                Arguments.of("a JSON body", "/api/v1/transactions", Map.of("Content-Type", "application/json"), "{}"),
                Arguments.of("a +json body", "/api/v1/monitors", Map.of("Content-Type", "application/x+json"), "{}"),
                Arguments.of(
                        "no body, X-Requested-With", "/api/v1/monitors/m/pause", Map.of("X-Requested-With", "c"), ""),
                Arguments.of("htmx", "/monitors/m/pause", Map.of("HX-Request", "true"), ""),
                Arguments.of(
                        "a console form from Vigil's own page",
                        "/monitors/m/pause",
                        Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", "http://" + OWN),
                        "a=1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passed")
    void aRequestVigilsOwnClientsSendIsPassedOn(String name, String path, Map<String, String> headers, String body)
            throws Exception {
        Answer answer = post(path, headers, body);

        assertThat(answer.passedOn()).isTrue();
    }

    static Stream<Arguments> crossSite() {
        return Stream.of(
                Arguments.of("no content type, no custom header", Map.of(), "", "JSON body"),
                Arguments.of(
                        "a foreign Origin",
                        Map.of("Content-Type", "application/json", "Origin", "http://evil"),
                        "{}",
                        "Origin"),
                Arguments.of(
                        "Origin null", Map.of("Content-Type", "application/json", "Origin", "null"), "{}", "Origin"),
                Arguments.of(
                        "a foreign Host",
                        Map.of("Content-Type", "application/json", "Host", "evil:8080"),
                        "{}",
                        "Host"),
                Arguments.of(
                        "a form from a foreign page",
                        Map.of("Content-Type", "text/plain", "Origin", "http://evil"),
                        "{}",
                        "Origin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossSite")
    void aRequestAForeignPageCouldSendIsA403ProblemNamingTheReason(
            String name, Map<String, String> headers, String body, String reason) throws Exception {
        Answer answer = post("/api/v1/monitors/m/pause", headers, body);

        assertThat(answer.passedOn()).isFalse();
        assertThat(answer.response().getStatus()).isEqualTo(403);
        assertThat(answer.response().getContentType()).isEqualTo("application/problem+json");
        var problem = new ObjectMapper().readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo(CrossSiteRequestFilter.PROBLEM_TYPE);
        assertThat(problem.path("detail").asText()).contains(reason).endsWith("nothing was changed");
    }

    @Test
    void anApiBodyThatIsNotJsonSentWithoutOriginIsTheContracts415() throws Exception {
        Answer answer =
                post("/api/v1/monitors/m/pause", Map.of("Content-Type", "application/x-www-form-urlencoded"), "a=1");

        assertThat(answer.passedOn()).isFalse();
        assertThat(answer.response().getStatus()).isEqualTo(415);
        assertThat(new ObjectMapper().readTree(answer.body()).path("type").asText())
                .isEqualTo("/problems/http-415");
    }

    @Test
    void aConsoleFormWithoutOriginIsRefusedWithAPageNotA415() throws Exception {
        Answer answer = post("/monitors/m/pause", Map.of("Content-Type", "application/x-www-form-urlencoded"), "a=1");

        assertThat(answer.passedOn()).isFalse();
        assertThat(answer.response().getStatus()).isEqualTo(403);
        assertThat(answer.response().getContentType()).startsWith("text/html");
        assertThat(answer.body()).contains("Vigil refused this action").contains("Nothing was changed");
    }

    @Test
    void aReadIsNotChecked() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/monitors");
        request.addHeader("Host", "evil:8080");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    private record Answer(boolean passedOn, MockHttpServletResponse response) {
        String body() throws Exception {
            return response.getContentAsString(StandardCharsets.UTF_8);
        }
    }

    private Answer post(String path, Map<String, String> headers, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setLocalPort(PORT);
        if (!headers.containsKey("Host")) {
            request.addHeader("Host", OWN);
        }
        headers.forEach(request::addHeader);
        if (headers.containsKey("Content-Type")) {
            request.setContentType(headers.get("Content-Type"));
        }
        if (!body.isEmpty()) {
            request.setContent(body.getBytes(StandardCharsets.UTF_8));
        }
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, chain);

        return new Answer(chain.getRequest() != null, response);
    }
}
