package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Patterns as code end to end: a set of an analyst feature, a block list entry and patterns is built on one Vigil,
 * exported with {@code patterns export}, imported into an empty Vigil (a database, ClickHouse database and pattern
 * store of its own) with {@code patterns import} by one key, approved and published with {@code patterns approve}
 * by another, and the same traffic then gets the same decisions, with the same reasons, from both.
 */
class PatternsAsCodeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SCHEMA = "it_patterns_code_" + RUN;
    private static final String FEATURE = "ip_count_1h_" + RUN;

    private static VigilProcess source;
    private static VigilProcess empty;

    @BeforeAll
    static void startAnEmptyVigil() throws Exception {
        source = VigilProcess.shared();
        try (Connection c = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        String dbUrl = Stores.DB_URL + (Stores.DB_URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        empty = VigilProcess.dedicated(
                "patterns-code",
                Map.of(
                        "VIGIL_DB_URL", dbUrl,
                        "VIGIL_CLICKHOUSE_DATABASE", "vigil_it_code_" + RUN,
                        "VIGIL_COUCHDB_DATABASE", "vigil-patterns-code-" + RUN));
        empty.start();
    }

    @AfterAll
    static void stopAndDrop() throws Exception {
        if (empty != null) {
            empty.stop();
        }
        try (Connection c = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        Stores.clickHouse("DROP DATABASE IF EXISTS vigil_it_code_" + RUN);
    }

    @Test
    void anExportImportedIntoAnEmptyVigilDecidesTheSameTrafficTheSameWay() throws Exception {
        String author = key(source, "code-author-" + RUN);
        String approver = key(source, "code-approver-" + RUN);
        ok(call(source, "POST", "/api/v1/features", author, """
                {"name": "%s", "entity": "ip", "aggregation": "count", "window": "1h"}
                """.formatted(FEATURE)));
        ok(call(source, "POST", "/api/v1/lists/block/card/entries", author, """
                {"reason": "stolen", "entries": [{"value": "card-blocked-%s"}]}
                """.formatted(RUN)));
        eventually(
                Duration.ofSeconds(30),
                "the feature ready on the source",
                () -> ok(call(source, "GET", "/api/v1/features/" + FEATURE, author, null))
                        .path("status")
                        .asText()
                        .equals("ready"));
        // only this test's merchant: the shared Vigil decides every other test's traffic with this set too
        publish(
                source,
                author,
                approver,
                "p-busy-ip-" + RUN,
                "tx.merchantId == 'm-code-%s' && features.custom.%s >= 3".formatted(RUN, FEATURE),
                "review");
        publish(
                source,
                author,
                approver,
                "p-marker-" + RUN,
                "'code_marker' in tx.attributes && tx.attributes['code_marker'] == '%s'".formatted(RUN),
                "decline");
        awaitDecline(source, "source");

        Path file = Files.createTempFile("vigil-patterns-", ".json");
        Tool exported = Tool.run(source, approver, "patterns", "export", "--out", file.toString());
        assertThat(exported.status()).as(exported.err()).isZero();
        JsonNode written = JSON.readTree(file.toFile());
        assertThat(written.path("features").toString()).contains(FEATURE);
        assertThat(written.path("lists").toString()).contains("card-blocked-" + RUN);
        assertThat(written.path("patterns").toString()).contains("p-busy-ip-" + RUN, "p-marker-" + RUN);

        String emptyAuthor = key(empty, "code-author");
        String emptyApprover = key(empty, "code-approver");
        Tool imported = Tool.run(empty, emptyAuthor, "patterns", "import", file.toString());
        assertThat(imported.status()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out()).contains("feature " + FEATURE + " defined", "p-busy-ip-" + RUN + " submitted");
        Tool approved = Tool.run(empty, emptyApprover, "patterns", "approve", file.toString(), "--publish");
        assertThat(approved.status()).as(approved.out() + approved.err()).isZero();
        awaitDecline(empty, "empty");
        eventually(
                Duration.ofSeconds(30),
                "the feature ready on the imported Vigil",
                () -> ok(call(empty, "GET", "/api/v1/features/" + FEATURE, emptyAuthor, null))
                        .path("status")
                        .asText()
                        .equals("ready"));

        List<String> onSource = decide(source, "s");
        List<String> onImported = decide(empty, "e");
        System.out.println("PatternsAsCodeIT: the same " + onSource.size() + " transactions decided: " + onSource);
        assertThat(onImported).isEqualTo(onSource);
        assertThat(onSource).contains("review [p-busy-ip-" + RUN + "] []", "decline [] [block]", "approve [] []");

        // the shared Vigil goes on without this test's set
        for (String id : List.of("p-busy-ip-" + RUN, "p-marker-" + RUN)) {
            ok(call(source, "POST", "/api/v1/patterns/" + id + "/archive", author, "{\"comment\": \"test done\"}"));
        }
        ok(call(source, "POST", "/api/v1/features/" + FEATURE + "/archive", author, "{\"reason\": \"test done\"}"));
    }

    /** The same traffic, under ids of the given prefix: a busy IP, a blocked card and quiet ones. */
    private static List<String> decide(VigilProcess vigil, String prefix) throws Exception {
        List<String> decisions = new ArrayList<>();
        Instant at = Instant.now().minusSeconds(120);
        for (int i = 0; i < 8; i++) {
            boolean busy = i < 5;
            boolean blocked = i == 6;
            String body = """
                    {"id": "code-%s-%s-%d", "timestamp": "%s", "amount": %d.50, "currency": "EUR",
                     "merchantId": "m-code-%s", "customerId": "c-code-%s-%d",
                     "cardFingerprint": "%s", "ip": "%s", "country": "SE", "paymentMethod": "card", "channel": "web"}
                    """.formatted(
                            RUN,
                            prefix,
                            i,
                            at.plusSeconds(i),
                            10 + i * 7,
                            RUN,
                            RUN,
                            i,
                            blocked ? "card-blocked-" + RUN : "card-code-" + RUN + "-" + i,
                            busy ? "198.51.100." + (RUN.hashCode() & 0x7f) : "192.0.2." + i);
            HttpResponse<String> answer = vigil.post("/api/v1/transactions", body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode d = JSON.readTree(answer.body());
            List<String> patterns = new ArrayList<>();
            d.path("reasons").forEach(r -> patterns.add(r.path("patternId").asText()));
            List<String> lists = new ArrayList<>();
            d.path("listHits").forEach(h -> lists.add(h.path("list").asText()));
            decisions.add(d.path("decision").asText() + " " + patterns + " " + lists);
            Thread.sleep(50); // each is counted (after its commit) before the next is decided
        }
        return decisions;
    }

    private static void publish(
            VigilProcess vigil, String author, String approver, String id, String expression, String effect)
            throws Exception {
        PatternApi.publish(vigil, author, approver, id, expression, effect, "active");
    }

    /** Waits until the marker pattern declines on the Vigil (the published set has reached scoring). */
    private static void awaitDecline(VigilProcess vigil, String which) throws Exception {
        int[] attempt = {0};
        eventually(Duration.ofSeconds(30), "the marker pattern live on the " + which + " Vigil", () -> {
            String tx = "code-marker-" + which + "-" + RUN + "-" + attempt[0]++;
            JsonNode d = JSON.readTree(vigil.post(
                            "/api/v1/transactions",
                            TransactionFlowIT.transaction(
                                    tx, "5.00", ", \"attributes\": {\"code_marker\": \"" + RUN + "\"}"))
                    .body());
            return d.path("decision").asText().equals("decline");
        });
    }

    private static String key(VigilProcess vigil, String name) throws Exception {
        return PatternApi.key(vigil, name);
    }

    private static HttpResponse<String> call(VigilProcess vigil, String method, String path, String key, String json)
            throws Exception {
        return PatternApi.call(vigil, method, path, key, json);
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        return PatternApi.ok(response);
    }
}
