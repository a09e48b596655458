package io.vigil.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct, real connections to the three stores, to check what Vigil wrote there. Connection settings come from the
 * same environment variables Vigil reads, with the same defaults.
 */
final class Stores {

    static final String DB_URL = env("VIGIL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/vigil");
    static final String DB_USER = env("VIGIL_DB_USER", "vigil");
    static final String DB_PASSWORD = env("VIGIL_DB_PASSWORD", "vigil");
    static final String CLICKHOUSE_HTTP = env("VIGIL_CLICKHOUSE_URL", "jdbc:clickhouse://127.0.0.1:18123")
            .replaceFirst("^jdbc:clickhouse:", "http:")
            .replaceFirst("\\?.*$", "");
    static final String CLICKHOUSE_DB = env("VIGIL_CLICKHOUSE_DATABASE", "vigil");
    static final String COUCHDB_URL = env("VIGIL_COUCHDB_URL", "http://127.0.0.1:15984");
    static final String COUCHDB_DB = env("VIGIL_COUCHDB_DATABASE", "vigil-patterns");
    /** The stores' credentials, which {@code ./vigil test} passes for the servers it started; empty: none. */
    static final String CLICKHOUSE_USER = env("VIGIL_CLICKHOUSE_USER", "default");

    static final String CLICKHOUSE_PASSWORD = env("VIGIL_CLICKHOUSE_PASSWORD", "");
    static final String COUCHDB_USER = env("VIGIL_COUCHDB_USER", "");
    static final String COUCHDB_PASSWORD = env("VIGIL_COUCHDB_PASSWORD", "");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Stores() {}

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Payload types of the events stored for one aggregate, in order. */
    static List<String> eventTypes(String aggregateId) throws SQLException {
        try (Connection c = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
                PreparedStatement ps = c.prepareStatement(
                        "select payloadType from DomainEventEntry where aggregateIdentifier = ? order by sequenceNumber")) {
            ps.setString(1, aggregateId);
            List<String> types = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1).replaceFirst("^.*\\.", ""));
                }
            }
            return types;
        }
    }

    /** Number of events per aggregate for every aggregate whose id starts with the prefix. */
    static java.util.Map<String, Integer> eventCountsByAggregate(String prefix) throws SQLException {
        try (Connection c = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
                PreparedStatement ps = c.prepareStatement("select aggregateIdentifier, count(*) from DomainEventEntry"
                        + " where aggregateIdentifier like ? group by aggregateIdentifier")) {
            ps.setString(1, prefix + "%");
            java.util.Map<String, Integer> counts = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            return counts;
        }
    }

    /** Runs a ClickHouse query over HTTP and returns its TabSeparated output, trimmed. */
    static String clickHouse(String sql) throws Exception {
        HttpResponse<String> response = HTTP.send(
                withBasicAuth(
                                HttpRequest.newBuilder(URI.create(CLICKHOUSE_HTTP + "/?database=" + CLICKHOUSE_DB)),
                                CLICKHOUSE_PASSWORD.isEmpty() ? "" : CLICKHOUSE_USER,
                                CLICKHOUSE_PASSWORD)
                        .POST(HttpRequest.BodyPublishers.ofString(sql))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ClickHouse answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().strip();
    }

    static long clickHouseCount(String sql) throws Exception {
        String out = clickHouse(sql);
        return out.isEmpty() ? 0 : Long.parseLong(out);
    }

    /** Writes a document with our own id into the pattern database, as an analyst's tool would. */
    static void putCouchDocument(String id, String json) throws Exception {
        putCouchDocument(COUCHDB_URL + "/" + COUCHDB_DB, id, json);
    }

    /** Writes a document into the given CouchDB database, over its current revision if there is one. */
    static void putCouchDocument(String databaseUrl, String id, String json) throws Exception {
        String url = databaseUrl + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        HttpResponse<String> current =
                HTTP.send(couch(HttpRequest.newBuilder(URI.create(url))).build(), HttpResponse.BodyHandlers.ofString());
        String body = json;
        if (current.statusCode() == 200) {
            String rev = current.body().replaceFirst("(?s).*\"_rev\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            body = json.replaceFirst("\\{", "{\"_rev\":\"" + rev + "\",");
        }
        HttpResponse<String> put = HTTP.send(
                couch(HttpRequest.newBuilder(URI.create(url)))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() / 100 != 2) {
            throw new IllegalStateException("CouchDB answered " + put.statusCode() + ": " + put.body());
        }
    }

    static String getCouchDocument(String id) throws Exception {
        return HTTP.send(
                        couch(HttpRequest.newBuilder(URI.create(COUCHDB_URL + "/" + COUCHDB_DB + "/"
                                        + URLEncoder.encode(id, StandardCharsets.UTF_8))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** A CouchDB request as Vigil's user, when the environment names one. */
    static HttpRequest.Builder couch(HttpRequest.Builder request) {
        return withBasicAuth(request, COUCHDB_USER, COUCHDB_PASSWORD);
    }

    private static HttpRequest.Builder withBasicAuth(HttpRequest.Builder request, String user, String password) {
        if (user.isEmpty()) {
            return request;
        }
        String token =
                java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + token);
    }

    /** The body of a GET. */
    static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** A condition that may need a store round trip. */
    interface Check {
        boolean holds() throws Exception;
    }

    /** Polls until the condition holds; fails naming what it waited for after the timeout. */
    static void eventually(Duration timeout, String what, Check condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }
}
