package io.vigil.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.ingest.config.IngestLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(new ObjectMapper(), IngestLimits.DEFAULTS);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//api/v1/transactions",
                "/api//v1/transactions",
                "/api/v1/./transactions",
                "/api/v1/x/../transactions",
                "/api/v1/transactions/.",
                "/%61pi/v1/transactions",
                "/api/v1/tr%61nsactions",
                "/api%2Fv1/transactions",
                "/api/v1/%2e/transactions",
                "/api/v1/transactions;jsessionid=1",
                "/api;x=1/v1/transactions",
                "/api/v1\\transactions",
                "/api/v1/transactions%00",
                "/api/v1/transactions%2",
                "/api/v1/transactions%zz",
                "/api/v1/%25/transactions",
                "api/v1/transactions",
                ""
            })
    void aPathNotInItsNormalFormIsAbnormal(String path) {
        assertThat(RequestBodyLimitFilter.abnormality(path)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/api/v1/transactions",
                "/api/v1/transactions/tx-1.2:3_4~5",
                "/api/v1/events/batch",
                "/alerts/",
                "/search/a%20b",
                "/api/v1/monitors/%C3%A9t%C3%A9",
                "/files/.well-known"
            })
    void aNormalPathIsNot(String path) {
        assertThat(RequestBodyLimitFilter.abnormality(path)).isNull();
    }

    @Test
    void anAbnormalPathIsRefusedWithA400ProblemAndNothingRuns() throws Exception {
        MockHttpServletRequest request = post("/%61pi/v1/transactions", "/api/v1/transactions", "{}");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"type\":\"/problems/malformed\"");
        assertThat(chain.getRequest()).as("the chain never ran").isNull();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedOnEveryPathBeforeReading() throws Exception {
        for (String path : new String[] {"/api/v1/transactions", "/alerts/acknowledge", "/anything"}) {
            MockHttpServletRequest request = post(path, path, "x".repeat(64 * 1024 + 1));
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(request, response, chain);

            assertThat(response.getStatus()).as(path).isEqualTo(413);
            assertThat(response.getContentAsString()).contains("/problems/payload-too-large");
            assertThat(chain.getRequest()).isNull();
        }
    }

    @Test
    void theBatchLimitFollowsThePathAsTheContainerRoutesIt() {
        assertThat(filter.limitFor(post("/api/v1/events/batch", "/api/v1/events/batch", "")))
                .isEqualTo(10L * 1024 * 1024);
        assertThat(filter.limitFor(post("/api/v1/events", "/api/v1/events", "")))
                .isEqualTo(64L * 1024);
        assertThat(filter.limitFor(post("/x", "/anything/else", ""))).isEqualTo(64L * 1024);
    }

    @Test
    void aFileImportHasItsOwnLargerLimitAndIsHeldToIt() throws Exception {
        String path = "/api/v1/lists/block/card/import";
        assertThat(filter.limitFor(post(path, path, ""))).isEqualTo(16L * 1024 * 1024);
        assertThat(filter.limitFor(post("/api/v1/lists/block/card", "/api/v1/lists/block/card", "")))
                .as("adding entries as JSON keeps the ordinary limit")
                .isEqualTo(64L * 1024);

        MockHttpServletRequest fits = post(path, path, "x".repeat(1024 * 1024));
        MockFilterChain passed = new MockFilterChain();
        filter.doFilter(fits, new MockHttpServletResponse(), passed);
        assertThat(passed.getRequest()).as("a 1 MiB file goes on").isNotNull();

        MockHttpServletRequest over = post(path, path, "x".repeat(16 * 1024 * 1024 + 1));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain refused = new MockFilterChain();
        filter.doFilter(over, response, refused);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("/problems/payload-too-large");
        assertThat(refused.getRequest()).isNull();
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimitAndWhatLiesBeyondIsNeverRead() throws Exception {
        AtomicLong read = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 'x';
            }
        };
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/other/path") {
            @Override
            public long getContentLengthLong() {
                return -1; // chunked: no declared length
            }

            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                return new org.springframework.mock.web.DelegatingServletInputStream(endless);
            }
        };
        request.setServletPath("/other/path");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> req.getInputStream().readAllBytes());

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("/problems/payload-too-large");
        assertThat(read.get()).isEqualTo(64 * 1024 + 1);
    }

    @Test
    void aChunkedBodyReadThroughTheRequestIsLimitedToo() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/console/form") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setServletPath("/console/form");
        request.setContent("y".repeat(200_000).getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(
                request,
                response,
                (req, res) -> ((HttpServletRequest) req).getReader().lines().count());

        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void aBodyWithinTheLimitPassesUnchanged() throws Exception {
        MockHttpServletRequest request = post("/api/v1/events", "/api/v1/events", "{\"id\":\"ev-1\"}");
        MockHttpServletResponse response = new MockHttpServletResponse();
        byte[][] body = {null};

        filter.doFilter(
                request, response, (req, res) -> body[0] = req.getInputStream().readAllBytes());

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(new String(body[0])).isEqualTo("{\"id\":\"ev-1\"}");
    }

    private static MockHttpServletRequest post(String uri, String servletPath, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setServletPath(servletPath);
        request.setContentType("application/json");
        request.setContent(body.getBytes());
        return request;
    }
}
