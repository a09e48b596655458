package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.it.RawHttp.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile requests against Vigil's surfaces: state changes a foreign web page could make through an operator's
 * browser (cross-site requests, DNS rebinding), and secrets shown to anyone (webhook URLs, store details in health).
 * Requests are written byte by byte ({@link RawHttp}), so that {@code Host} and {@code Origin} are exactly what a browser
 * or an attacker would send. Each refused request is shown to have changed nothing; each kind of request that must
 * still work (curl, the tools, the console through htmx) is shown to work.
 */
class HostileSurfacesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SECRET_PATH = "/services/T0000/B0000/s3cr3tW3bh00k" + RUN;

    private static VigilProcess vigil;
    private static int port;
    private static RawHttp http;

    @BeforeAll
    static void startVigil() throws Exception {
        vigil = VigilProcess.shared();
        port = vigil.uri("/").getPort();
        http = new RawHttp(port);
    }

    // ------------------------------------------------------------------ state changes from foreign pages

    /** How a hostile request is sent: method, path (%ID% is a fresh monitor's id), headers, body. */
    record Hostile(String method, String path, Map<String, String> headers, String body) {}

    static Stream<Arguments> refusedApiRequests() {
        return Stream.of(
                Arguments.of(
                        "pause with no content type (a form's empty POST)", new Hostile("POST", pause(), Map.of(), "")),
                Arguments.of(
                        "pause, JSON from a foreign page's Origin",
                        new Hostile("POST", pause(), json("Origin", "http://evil.example"), "")),
                Arguments.of(
                        "pause, JSON from Origin null (a sandboxed page)",
                        new Hostile("POST", pause(), json("Origin", "null"), "")),
                Arguments.of(
                        "pause, JSON from a page on another port of localhost",
                        new Hostile("POST", pause(), json("Origin", "http://localhost:1"), "")),
                Arguments.of(
                        "pause, JSON from a look-alike origin",
                        new Hostile("POST", pause(), json("Origin", "http://127.0.0.1.evil.example"), "")),
                Arguments.of(
                        "pause, JSON with a foreign Host (DNS rebinding)",
                        new Hostile("POST", pause(), json("Host", "rebind.evil.example:%PORT%"), "")),
                Arguments.of(
                        "pause, JSON with a Host on the right name but another port",
                        new Hostile("POST", pause(), json("Host", "localhost:1"), "")),
                Arguments.of(
                        "delete with no content type and no custom header",
                        new Hostile("DELETE", "/api/v1/monitors/%ID%", Map.of(), "")),
                Arguments.of(
                        "change with JSON from a foreign Origin",
                        new Hostile(
                                "PUT",
                                "/api/v1/monitors/%ID%",
                                json("Origin", "https://evil.example"),
                                monitor("%ID%", "Hijacked"))),
                Arguments.of(
                        "resume with X-Requested-With but a foreign Host",
                        new Hostile(
                                "POST",
                                "/api/v1/monitors/%ID%/resume",
                                Map.of("X-Requested-With", "XMLHttpRequest", "Host", "evil.example"),
                                "")));
    }

    /**
     * Bodies a page's form can post, sent without Origin (an old browser, or a client that is not one): not JSON,
     * so every API endpoint answers the contract's 415, even one that ignores its body, and nothing changes.
     */
    static Stream<Arguments> formBodiesWithoutOrigin() {
        return Stream.of(
                Arguments.of(
                        "pause, form-encoded",
                        new Hostile(
                                "POST", pause(), Map.of("Content-Type", "application/x-www-form-urlencoded"), "a=1")),
                Arguments.of(
                        "pause, multipart form",
                        new Hostile(
                                "POST", pause(), Map.of("Content-Type", "multipart/form-data; boundary=x"), "--x--")),
                Arguments.of(
                        "pause, text/plain (a form with enctype text/plain)",
                        new Hostile("POST", pause(), Map.of("Content-Type", "text/plain"), "{}")),
                Arguments.of(
                        "pause, text/plain dressed up as JSON in a parameter",
                        new Hostile("POST", pause(), Map.of("Content-Type", "text/plain; x=application/json"), "{}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formBodiesWithoutOrigin")
    void aFormBodyWithoutOriginIsA415AndChangesNothing(String name, Hostile hostile) throws Exception {
        String id = newMonitor();
        String before = monitorJson(id);

        Response answer =
                foreign(hostile.method(), hostile.path().replace("%ID%", id), hostile.headers(), hostile.body());

        assertThat(answer.status()).as(name).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("type").asText()).isEqualTo("/problems/http-415");
        assertThat(monitorJson(id)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedApiRequests")
    void aStateChangeAForeignPageCouldSendIsRefusedAndChangesNothing(String name, Hostile hostile) throws Exception {
        String id = newMonitor();
        String before = monitorJson(id);

        Response answer = foreign(
                hostile.method(),
                hostile.path().replace("%ID%", id),
                hostile.headers(),
                hostile.body().replace("%ID%", id));

        assertThat(answer.status()).as(name).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/cross-site-request");
        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(monitorJson(id)).as("the monitor is unchanged").isEqualTo(before);
    }

    @Test
    void aTransactionPostedByAForeignPageAsTextPlainIsRefusedAndNotStored() throws Exception {
        String id = "hostile-" + RUN + "-textplain";

        Response answer = foreign(
                "POST",
                "/api/v1/transactions",
                Map.of("Content-Type", "text/plain", "Origin", "http://evil.example"),
                transaction(id));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    @Test
    void aTransactionFormPostedWithoutOriginIsRefusedAndNotStored() throws Exception {
        String id = "hostile-" + RUN + "-form";

        Response answer = foreign(
                "POST",
                "/api/v1/transactions",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "id=" + id + "&amount=10&currency=EUR");

        // no browser page sent it (no Origin), so the contract's answer to a body that is not JSON stands
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    @Test
    void aJsonTransactionFromAForeignOriginIsRefusedAndNotStored() throws Exception {
        String id = "hostile-" + RUN + "-origin";

        Response answer =
                foreign("POST", "/api/v1/transactions", json("Origin", "http://evil.example"), transaction(id));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(JSON.readTree(answer.body()).path("type").asText()).isEqualTo("/problems/cross-site-request");
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    static Stream<Arguments> refusedConsoleRequests() {
        return Stream.of(
                Arguments.of(
                        "a form from a foreign page",
                        Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", "http://evil.example")),
                Arguments.of(
                        "a form with neither Origin nor HX-Request",
                        Map.of("Content-Type", "application/x-www-form-urlencoded")),
                Arguments.of("htmx from a foreign page", Map.of("HX-Request", "true", "Origin", "http://evil.example")),
                Arguments.of(
                        "htmx with a foreign Host (DNS rebinding)",
                        Map.of("HX-Request", "true", "Host", "rebind.evil.example:%PORT%")));
    }

    @ParameterizedTest(name = "console pause: {0}")
    @MethodSource("refusedConsoleRequests")
    void aConsoleActionFromAForeignPageIsRefusedReadably(String name, Map<String, String> headers) throws Exception {
        String id = newMonitor();
        String before = monitorJson(id);
        // even with a signed-in operator's session and the page's CSRF token, were a foreign page to get them
        Map<String, String> signedIn = new LinkedHashMap<>(headers);
        signedIn.put("Cookie", vigil.console().cookie());
        signedIn.put("X-CSRF-TOKEN", vigil.console().csrfToken());

        Response answer = foreign("POST", "/monitors/" + id + "/pause", signedIn, "");

        assertThat(answer.status()).as(name).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("Vigil refused this action").contains("Nothing was changed");
        assertThat(monitorJson(id)).isEqualTo(before);
    }

    // ------------------------------------------------------------------ what must keep working

    @Test
    void curlAndTheToolsStillChangeStateWithJsonOrACustomHeader() throws Exception {
        String id = newMonitor();

        Response json =
                send("POST", "/api/v1/monitors/" + id + "/pause", Map.of("Content-Type", "application/json"), "");
        assertThat(json.status()).isEqualTo(200);
        assertThat(JSON.readTree(json.body()).path("status").asText()).isEqualTo("paused");

        Response header = send("POST", "/api/v1/monitors/" + id + "/resume", Map.of("X-Requested-With", "curl"), "");
        assertThat(header.status()).isEqualTo(200);
        assertThat(JSON.readTree(header.body()).path("status").asText()).isNotEqualTo("paused");

        Response sameOrigin = send(
                "POST",
                "/api/v1/monitors/" + id + "/pause",
                json("Origin", "http://localhost:%PORT%", "Host", "localhost:%PORT%"),
                "");
        assertThat(sameOrigin.status()).isEqualTo(200);

        String tx = "hostile-" + RUN + "-curl";
        assertThat(send("POST", "/api/v1/transactions", json(), transaction(tx)).status())
                .isEqualTo(200);
        assertThat(Stores.eventTypes(tx)).contains("TransactionRecordedEvent");
    }

    @Test
    void theConsoleStillActsThroughHtmxAndThroughItsOwnFormsWithoutJavaScript() throws Exception {
        String id = newMonitor();

        String cookie = vigil.console().cookie();
        String token = vigil.console().csrfToken();

        Response htmx = send(
                "POST",
                "/monitors/" + id + "/pause",
                Map.of(
                        "HX-Request",
                        "true",
                        "Origin",
                        "http://127.0.0.1:%PORT%",
                        "Cookie",
                        cookie,
                        "X-CSRF-TOKEN",
                        token),
                "");
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(JSON.readTree(monitorJson(id)).path("status").asText()).isEqualTo("paused");

        Response form = send(
                "POST",
                "/monitors/" + id + "/resume",
                Map.of(
                        "Content-Type", "application/x-www-form-urlencoded",
                        "Origin", "http://127.0.0.1:%PORT%",
                        "Cookie", cookie),
                "_csrf=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(form.status()).isEqualTo(302); // the page again, as without htmx
        assertThat(JSON.readTree(monitorJson(id)).path("status").asText()).isNotEqualTo("paused");
    }

    // ------------------------------------------------------------------ secrets shown to anyone

    @Test
    void healthShowsEachStoresStateButNoUrlsOrVersions() throws Exception {
        Response health = foreign("GET", "/actuator/health", Map.of(), null);

        assertThat(health.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.path("components").path("couchDb").path("status").asText())
                .isEqualTo("UP");
        assertThat(body.path("components").path("clickHouse").path("status").asText())
                .isEqualTo("UP");
        body.path("components")
                .forEach(component -> assertThat(component.has("details"))
                        .as("details of " + component)
                        .isFalse());
        assertThat(health.body())
                .doesNotContain("http://", "jdbc:", "\"version\"", "\"database\"", "\"url\"", "PostgreSQL");
        assertThat(foreign("GET", "/actuator/health/readiness", Map.of(), null).body())
                .contains("\"status\":\"UP\"");
        assertThat(foreign("GET", "/actuator/health/liveness", Map.of(), null).body())
                .contains("\"status\":\"UP\"");
    }

    @Test
    void deliveriesShowTheRouteAndHostButNeverTheWebhookUrl() throws Exception {
        String named = "hostile-" + RUN + "-named";
        String unnamed = "hostile-" + RUN + "-unnamed";
        storeDelivery(named, "ops-slack");
        storeDelivery(unnamed, null); // made before routes had names

        Response api = send("GET", "/api/v1/alerts/deliveries?limit=1000", Map.of(), null);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).doesNotContain(SECRET_PATH, "s3cr3t", "/services/");
        JsonNode deliveries = JSON.readTree(api.body()).path("deliveries");
        JsonNode mine = find(deliveries, named);
        assertThat(mine.path("route").asText()).isEqualTo("ops-slack");
        assertThat(mine.path("host").asText()).isEqualTo("hooks.slack.com:443");
        assertThat(mine.has("url")).isFalse();
        assertThat(find(deliveries, unnamed).path("host").asText()).isEqualTo("hooks.slack.com:443");

        Response page = send("GET", "/alerts", Map.of("Cookie", vigil.console().cookie()), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("ops-slack (hooks.slack.com:443)").doesNotContain("s3cr3t", "/services/");
    }

    // ------------------------------------------------------------------ helpers

    private static String pause() {
        return "/api/v1/monitors/%ID%/pause";
    }

    /** A JSON content type plus the given header pairs. */
    private static Map<String, String> json(String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    private static String monitor(String id, String name) {
        return """
                {"id": "%s", "name": "%s", "metric": "conversion", "operation": "authorization",
                 "dimensions": ["merchant"], "minVolume": 20}
                """.formatted(id, name);
    }

    private static String newMonitor() throws Exception {
        String id = "hostile-" + RUN + "-" + UUID.randomUUID().toString().substring(0, 6);
        Response created = send("POST", "/api/v1/monitors", json(), monitor(id, "Hostile surfaces " + id));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    private static String monitorJson(String id) throws Exception {
        Response answer = send("GET", "/api/v1/monitors/" + id, Map.of(), null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private static String transaction(String id) {
        return """
                {"id": "%s", "timestamp": "%s", "amount": 12.50, "currency": "EUR", "merchantId": "m-42"}
                """.formatted(id, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static void storeDelivery(String deliveryId, String route) throws Exception {
        try (Connection c = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD);
                PreparedStatement ps = c.prepareStatement("INSERT INTO notification_delivery (delivery_id, alert_id,"
                        + " incident, kind, route, url, format, payload, status, attempts, last_status, last_error,"
                        + " created_at) VALUES (?, ?, 1, 'firing', ?, ?, 'slack', '{}', 'failed', 8, 404, ?, now())")) {
            ps.setString(1, deliveryId);
            ps.setString(2, "hostile/" + RUN);
            ps.setString(3, route);
            ps.setString(4, "https://hooks.slack.com" + SECRET_PATH + "?token=s3cr3t");
            ps.setString(5, "HTTP 404 from hooks.slack.com:443: no_service");
            ps.executeUpdate();
        }
    }

    private static JsonNode find(JsonNode deliveries, String deliveryId) {
        for (JsonNode d : deliveries) {
            if (d.path("deliveryId").asText().equals(deliveryId)) {
                return d;
            }
        }
        throw new AssertionError("delivery " + deliveryId + " is not listed in " + deliveries);
    }

    /**
     * A request as a page of another site (or anyone without a key) sends it: with no API key. The cross-site check
     * comes before the key check, so such a request is refused as cross-site whatever it carries.
     */
    private static Response foreign(String method, String path, Map<String, String> headers, String body)
            throws IOException {
        Map<String, String> withoutKey = new LinkedHashMap<>(headers);
        withoutKey.put("Authorization", "");
        return send(method, path, withoutKey, body);
    }

    /** One request written as given, with the tests' API key; {@code %PORT%} in a header is Vigil's port. */
    private static Response send(String method, String path, Map<String, String> headers, String body)
            throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        headers.forEach((k, v) -> fields.put(k, v.replace("%PORT%", Integer.toString(port))));
        return http.send(method, path, fields, body);
    }
}
