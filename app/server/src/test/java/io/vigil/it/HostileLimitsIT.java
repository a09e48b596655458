package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server's limits hold whatever the request's path spelling, framing or JSON: every hostile request gets its 4xx
 * problem+json and leaves nothing stored. Requests are written byte for byte on a socket, so that no client library
 * normalises the path or re-frames the body.
 */
class HostileLimitsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static VigilProcess vigil;
    private static int port;

    @BeforeAll
    static void startVigil() throws Exception {
        vigil = VigilProcess.shared();
        port = vigil.uri("/").getPort();
    }

    /** Spellings of API paths that the container would route to a handler; each must be refused unread. */
    static Stream<Arguments> abnormalPaths() {
        return Stream.of(
                Arguments.of("double leading slash", "//api/v1/transactions"),
                Arguments.of("empty segment", "/api//v1/transactions"),
                Arguments.of("dot segment", "/api/v1/./transactions"),
                Arguments.of("dot-dot segment", "/api/v1/x/../transactions"),
                Arguments.of("escaped letter", "/%61pi/v1/transactions"),
                Arguments.of("escaped letter, lower-case hex", "/api/v1/tr%61nsactions"),
                Arguments.of("jsessionid path parameter", "/api/v1/transactions;jsessionid=0123"),
                Arguments.of("path parameter inside", "/api;v=1/v1/transactions"),
                Arguments.of("escaped slash", "/api%2Fv1/transactions"),
                Arguments.of("escaped dot segment", "/api/v1/%2e/transactions"),
                Arguments.of("trailing dot segment", "/api/v1/transactions/."));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("abnormalPaths")
    void aTransactionSentToAnAbnormalSpellingOfItsPathIsRefusedAndNotStored(String name, String path) throws Exception {
        String id = "hl-" + RUN + "-p" + Math.abs(name.hashCode());
        // over the body limit as well: before the fix such a body was read and parsed in full
        String body = transaction(id, ",\"attributes\":{\"pad\":\"" + "x".repeat(1000) + "\"}" + " ".repeat(70_000));

        Response response = send("POST", path, body, false);

        assertProblem(response, 400, "/problems/malformed");
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    @Test
    void anAbnormalSpellingOfTheBatchPathIsRefusedAndNothingIsStored() throws Exception {
        String prefix = "hl-" + RUN + "-pb";
        Response response = send("POST", "/api/v1/events/%62atch", "[" + event(prefix + "-1") + "]", false);

        assertProblem(response, 400, "/problems/malformed");
        assertThat(eventIds(prefix)).isZero();
    }

    @Test
    void aDeclaredOverSizeBodyIsRefusedOnAPathOutsideTheApi() throws Exception {
        Response response = send(
                "POST",
                "/alerts/acknowledge",
                "id=" + "x".repeat(70_000),
                false,
                "Content-Type: application/x-www-form-urlencoded");

        assertProblem(response, 413, "/problems/payload-too-large");
    }

    @Test
    void aChunkedOverSizeTransactionIsCutOffAndNotStored() throws Exception {
        String id = "hl-" + RUN + "-chunked";
        // valid JSON throughout: only its size is wrong, and the parser must read into the padding to finish it
        String body = transaction(id, " ".repeat(70_000));

        Response response = send("POST", "/api/v1/transactions", body, true);

        assertProblem(response, 413, "/problems/payload-too-large");
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    @Test
    void aChunkedOverSizeOutcomeIsCutOff() throws Exception {
        String id = "hl-" + RUN + "-outcome";
        String body = "{\"outcome\":\"chargeback\",\"note\":\"n\"" + " ".repeat(70_000) + "}";

        Response response = send("POST", "/api/v1/transactions/" + id + "/outcome", body, true);

        assertProblem(response, 413, "/problems/payload-too-large");
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    @Test
    void aChunkedOverSizeMonitorIsCutOffAndNotCreated() throws Exception {
        String id = "hl-" + RUN + "-mon";
        String body = "{\"id\":\"" + id + "\",\"name\":\"big\",\"metric\":\"count\",\"operation\":\"order\""
                + " ".repeat(70_000) + "}";

        Response response = send("POST", "/api/v1/monitors", body, true);

        assertProblem(response, 413, "/problems/payload-too-large");
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    @Test
    void aChunkedBatchOver10MibIsCutOffAndNothingIsStored() throws Exception {
        String prefix = "hl-" + RUN + "-bigbatch";
        String body = "[" + event(prefix + "-1") + " ".repeat(10 * 1024 * 1024 + 50_000) + "]";

        Response response = send("POST", "/api/v1/events/batch", body, true);

        assertProblem(response, 413, "/problems/payload-too-large");
        assertThat(eventIds(prefix)).isZero();
    }

    @Test
    void aDeclaredBodyOverTheLimitOnAReadIsRefused() throws Exception {
        Response response = send("GET", "/api/v1/transactions/hl-" + RUN, "x".repeat(70_000), false);

        assertProblem(response, 413, "/problems/payload-too-large");
    }

    /** Bodies within the size limit that would make the parser do unbounded work. */
    static Stream<Arguments> hostileJson() {
        return Stream.of(
                Arguments.of("arrays nested 200 deep", ",\"extra\":" + "[".repeat(200) + "]".repeat(200)),
                Arguments.of("objects nested 100 deep", ",\"extra\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100)),
                Arguments.of("a 100-digit amount", ",\"amount\":1" + "0".repeat(99)),
                Arguments.of("a 20,000-character string", ",\"attributes\":{\"a\":\"" + "y".repeat(20_000) + "\"}"),
                Arguments.of("a 20,000-character field name", ",\"" + "k".repeat(20_000) + "\":1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileJson")
    void hostileJsonIsA400AndNothingIsStored(String name, String extra) throws Exception {
        String id = "hl-" + RUN + "-j" + Math.abs(name.hashCode());

        Response response = send("POST", "/api/v1/transactions", transaction(id, extra), false);

        assertProblem(response, 400, "/problems/malformed");
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    @Test
    void aBatchOf10001EventsIsRefusedAndNothingIsStored() throws Exception {
        String prefix = "hl-" + RUN + "-b10001";
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 10_001; i++) {
            batch.append(i == 0 ? "" : ",").append(event(prefix + "-" + i));
        }

        Response response = send("POST", "/api/v1/events/batch", batch + "]", false);

        assertProblem(response, 400, "/problems/validation");
        assertThat(response.json().path("errors").get(0).path("message").asText())
                .isEqualTo("a batch holds 1 to 10000 events, this one has more");
        assertThat(eventIds(prefix)).isZero();
    }

    @Test
    void aChunkedBatchIsRefusedAtItem10001BeforeItsMalformedTailIsParsed() throws Exception {
        String prefix = "hl-" + RUN + "-btail";
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 10_001; i++) {
            batch.append(i == 0 ? "" : ",").append(event(prefix + "-" + i));
        }
        batch.append(", this is {{ not JSON");

        Response response = send("POST", "/api/v1/events/batch", batch.toString(), true);

        assertProblem(response, 400, "/problems/validation");
        assertThat(eventIds(prefix)).isZero();
    }

    @Test
    void aNormalRequestStillWorks() throws Exception {
        String id = "hl-" + RUN + "-ok";

        Response response = send("POST", "/api/v1/transactions", transaction(id, ""), true);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(Stores.eventTypes(id)).isNotEmpty();
    }

    private static String transaction(String id, String extra) {
        return "{\"id\":\"" + id + "\",\"timestamp\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + "\",\"amount\":12.50,\"currency\":\"EUR\",\"merchantId\":\"m-hostile\"" + extra + "}";
    }

    private static String event(String id) {
        return "{\"id\":\"" + id + "\",\"timestamp\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + "\",\"merchantId\":\"m-hostile\",\"operation\":\"order\",\"outcome\":\"success\"}";
    }

    /** Operational event ids stored with the prefix: a stored event always leaves its id. */
    private static long eventIds(String prefix) throws Exception {
        try (Connection c = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD);
                PreparedStatement ps =
                        c.prepareStatement("select count(*) from operational_event_ids where id like ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void assertProblem(Response response, int status, String type) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
    }

    record Response(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /**
     * One HTTP/1.1 request, exactly as given, with the tests' key unless the headers name an {@code Authorization}:
     * the body with {@code Content-Length}, or in 8 KiB chunks with
     * {@code Transfer-Encoding: chunked}. The body is written on a thread of its own while the answer is read, since
     * the server answers an over-size body before it has all been sent.
     */
    private static Response send(String method, String path, String body, boolean chunked, String... headers)
            throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:")
                    .append(port)
                    .append("\r\nConnection: close\r\n");
            boolean typed = false;
            boolean authorized = false;
            for (String h : headers) {
                head.append(h).append("\r\n");
                typed |= h.toLowerCase(Locale.ROOT).startsWith("content-type");
                authorized |= h.toLowerCase(Locale.ROOT).startsWith("authorization");
            }
            if (!typed) {
                head.append("Content-Type: application/json\r\n");
            }
            if (!authorized) {
                head.append("Authorization: ")
                        .append(VigilProcess.authorization())
                        .append("\r\n");
            }
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes.length + "\r\n")
                    .append("\r\n");
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                    if (!chunked) {
                        out.write(bytes);
                    } else {
                        for (int i = 0; i < bytes.length; i += 8192) {
                            int n = Math.min(8192, bytes.length - i);
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(bytes, i, n);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException closedEarly) {
                    // the server answered and closed before the whole body was sent: that is what is tested
                }
            });
            Response response = read(socket.getInputStream());
            writing.cancel(true);
            return response;
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // a reset after the answer (the server would not swallow the rest of the body): keep what was read
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("an HTTP answer: %s", text).isPositive();
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        String rawBody = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = rawBody.indexOf("\r\n", at);
                int size = Integer.parseInt(
                        rawBody.substring(at, lineEnd).split(";")[0].strip(), 16);
                if (size == 0) {
                    break;
                }
                body.append(rawBody, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            rawBody = body.toString();
        }
        return new Response(
                status, headers, new String(rawBody.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
}
