package io.vigil.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/** The benchmarks' statements to ClickHouse's HTTP interface, as Vigil's user. */
final class ClickHouseHttp {

    private ClickHouseHttp() {}

    /**
     * Sends one statement and returns the answer's body; an answer other than 200 is an {@link IllegalStateException}
     * with ClickHouse's message. {@code ./vigil} passes the password of the ClickHouse it started as
     * {@code VIGIL_CLICKHOUSE_PASSWORD} (and the user, if not {@code default}, as {@code VIGIL_CLICKHOUSE_USER}).
     */
    static String post(HttpClient http, String url, String sql, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/"));
        String password = System.getenv("VIGIL_CLICKHOUSE_PASSWORD");
        if (password != null && !password.isEmpty()) {
            String user = Objects.requireNonNullElse(System.getenv("VIGIL_CLICKHOUSE_USER"), "default");
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> r = http.send(
                request.timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("ClickHouse answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
