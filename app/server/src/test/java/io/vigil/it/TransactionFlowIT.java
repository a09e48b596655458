package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path on the real stores: a POST gets a decision, both events are in PostgreSQL, the pattern came from
 * CouchDB, the rows reach ClickHouse and the console shows the transaction.
 */
class TransactionFlowIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static VigilProcess vigil;

    @BeforeAll
    static void startVigil() throws Exception {
        vigil = VigilProcess.shared();
    }

    static String transaction(String id, String amount, String extra) {
        return """
                {"id": "%s", "timestamp": "2026-11-23T10:15:30Z", "amount": %s, "currency": "EUR",
                 "merchantId": "m-42", "customerId": "c-981", "cardFingerprint": "card-7f3a", "cardBin": "411111",
                 "deviceId": "d-19", "ip": "203.0.113.7", "email": "ann@example.com", "country": "SE",
                 "paymentMethod": "card", "channel": "web", "browser": "chrome", "deviceType": "mobile"%s}
                """.formatted(id, amount, extra);
    }

    @Test
    void aTransactionIsDecidedStoredProjectedAndShown() throws Exception {
        String id = "flow-" + RUN + "-1";

        HttpResponse<String> response = vigil.post("/api/v1/transactions", transaction(id, "129.90", ""));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode decision = JSON.readTree(response.body());
        assertThat(decision.path("transactionId").asText()).isEqualTo(id);
        assertThat(decision.path("decision").asText()).isEqualTo("approve");
        assertThat(decision.path("fallback").asBoolean()).isFalse();
        assertThat(decision.path("patternSetVersion").asLong()).isPositive();
        assertThat(decision.has("decidedAt")).isTrue();

        // stored before the answer: both events, in order, in PostgreSQL
        assertThat(Stores.eventTypes(id)).containsExactly("TransactionRecordedEvent", "TransactionDecidedEvent");

        // readable through the API with its decision
        JsonNode read = JSON.readTree(vigil.get("/api/v1/transactions/" + id).body());
        assertThat(read.path("id").asText()).isEqualTo(id);
        assertThat(read.path("amount").decimalValue()).isEqualByComparingTo("129.90");
        assertThat(read.path("decision").asText()).isEqualTo("approve");
        assertThat(read.path("decidedAt").asText())
                .isEqualTo(decision.path("decidedAt").asText());

        // projected into ClickHouse, once
        eventually(
                Duration.ofSeconds(20),
                "the transaction and decision rows in ClickHouse",
                () -> Stores.clickHouseCount("SELECT count() FROM transactions WHERE transaction_id = '" + id + "'")
                                == 1
                        && Stores.clickHouseCount("SELECT count() FROM decisions WHERE transaction_id = '" + id + "'")
                                == 1);
        assertThat(Stores.clickHouse(
                        "SELECT merchant_id, currency, country, amount FROM transactions WHERE transaction_id = '" + id
                                + "'"))
                .isEqualTo("m-42\tEUR\tSE\t129.9");

        // the console lists it with its decision, as a full page and as the htmx fragment
        HttpResponse<String> page = vigil.console().get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html")
                .contains("data-transaction-id=\"" + id + "\"")
                .contains("hx-trigger=\"every 2s\"");
        HttpResponse<String> fragment = vigil.console().get("/", "HX-Request", "true");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("data-transaction-id=\"" + id + "\"");
    }

    @Test
    void theSeededPatternFromCouchDbSendsHighAmountsToReview() throws Exception {
        String id = "flow-" + RUN + "-2";

        JsonNode decision = JSON.readTree(vigil.post("/api/v1/transactions", transaction(id, "1500.00", ""))
                .body());

        assertThat(decision.path("decision").asText()).isEqualTo("review");
        assertThat(decision.path("reasons").get(0).path("patternId").asText()).isEqualTo("p-high-amount");
        assertThat(decision.path("reasons").get(0).path("effect").asText()).isEqualTo("review");
        assertThat(Stores.getCouchDocument("p-high-amount")).contains("tx.amount > 1000.0");
    }

    @Test
    void theDefaultPatternIsPublishedThroughTheLifecycleSoItIsListedVersionedAndAudited() throws Exception {
        JsonNode pattern =
                JSON.readTree(vigil.get("/api/v1/patterns/p-high-amount").body());

        assertThat(pattern.path("status").asText()).isEqualTo("published");
        assertThat(pattern.path("mode").asText()).isEqualTo("active");
        assertThat(pattern.path("liveVersion").asInt()).isEqualTo(1);
        assertThat(pattern.path("versions").get(0).path("expression").asText()).isEqualTo("tx.amount > 1000.0");
        List<String> steps = new ArrayList<>();
        pattern.path("history")
                .forEach(step -> steps.add(step.path("action").asText() + " by "
                        + step.path("by").asText() + " (" + step.path("byKind").asText() + ")"));
        assertThat(steps)
                .startsWith(
                        "created by system (system)",
                        "submitted by system (system)",
                        "approved by system (system)",
                        "published by system (system)");
        List<String> ids = new ArrayList<>(); // the list (which the export reads), oldest change last
        for (int page = 0; ids.size() == page * 200; page++) {
            JsonNode published = JSON.readTree(vigil.get("/api/v1/patterns?status=published&size=200&page=" + page)
                    .body());
            published.path("patterns").forEach(p -> ids.add(p.path("id").asText()));
        }
        assertThat(ids).contains("p-high-amount");
    }

    @Test
    void aPatternWrittenToCouchDbIsUsedWithoutARestart() throws Exception {
        String patternId = "p-it-" + RUN;
        Stores.putCouchDocument(patternId, """
                {"type": "pattern", "name": "IT block marker", "description": "written by TransactionFlowIT",
                 "expression": "tx.attributes['it_marker'] == '%s'", "effect": "decline", "mode": "active",
                 "version": 1}
                """.formatted(RUN));
        long version = System.currentTimeMillis();
        Stores.putCouchDocument("vigil-pattern-set", "{\"type\": \"pattern-set\", \"version\": " + version + "}");

        String[] last = new String[1];
        int[] attempt = {0};
        eventually(Duration.ofSeconds(20), "scoring to pick up the new pattern", () -> {
            String id = "flow-" + RUN + "-p" + attempt[0]++;
            last[0] = vigil.post(
                            "/api/v1/transactions",
                            transaction(id, "10.00", ", \"attributes\": {\"it_marker\": \"" + RUN + "\"}"))
                    .body();
            return JSON.readTree(last[0]).path("decision").asText().equals("decline");
        });
        JsonNode decision = JSON.readTree(last[0]);
        assertThat(decision.path("reasons").get(0).path("patternId").asText()).isEqualTo(patternId);
        assertThat(decision.path("patternSetVersion").asLong()).isEqualTo(version);

        // switch it off again so other tests see the seeded set only
        Stores.putCouchDocument(patternId, """
                {"type": "pattern", "name": "IT block marker", "expression": "false", "effect": "decline",
                 "mode": "off", "version": 2}
                """);
        Stores.putCouchDocument("vigil-pattern-set", "{\"type\": \"pattern-set\", \"version\": " + (version + 1) + "}");
    }

    @Test
    void aPatternDocumentWrittenByHandIsReportedAsUnmanaged() throws Exception {
        String patternId = "p-hand-" + RUN;
        Stores.putCouchDocument(patternId, """
                {"type": "pattern", "name": "Written by hand", "expression": "false", "effect": "decline",
                 "mode": "off", "version": 1}
                """);
        Stores.putCouchDocument(
                "vigil-pattern-set", "{\"type\": \"pattern-set\", \"version\": " + System.currentTimeMillis() + "}");

        eventually(
                Duration.ofSeconds(30),
                "a warning about the hand-written document",
                () -> Files.readString(Path.of("target", "vigil-it.log"))
                        .contains("Pattern document " + patternId
                                + " in the pattern store was not published through Vigil"));
        assertThat(vigil.metric("vigil_patterns_unmanaged")).isGreaterThanOrEqualTo(1.0);
        assertThat(vigil.get("/api/v1/patterns/" + patternId).statusCode())
                .as("not a pattern of the lifecycle")
                .isEqualTo(404);
        assertThat(vigil.get("/api/v1/patterns/p-high-amount").statusCode())
                .as("the default is managed")
                .isEqualTo(200);
    }

    @Test
    void aRepeatAnswersTheFirstDecisionAndStoresNothing() throws Exception {
        String id = "flow-" + RUN + "-3";
        String first = vigil.post("/api/v1/transactions", transaction(id, "1500.00", ""))
                .body();

        // same content, amount written differently
        HttpResponse<String> repeat = vigil.post("/api/v1/transactions", transaction(id, "\"1500\"", ""));

        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(repeat.body())).isEqualTo(JSON.readTree(first));
        assertThat(Stores.eventTypes(id)).hasSize(2);
    }

    @Test
    void concurrentSubmissionsOfOneNewIdAllGetTheOneStoredDecision() throws Exception {
        String id = "flow-" + RUN + "-race";
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(clients.submit(() -> vigil.post("/api/v1/transactions", transaction(id, "1500.00", ""))));
            }
            Set<JsonNode> decisions = new HashSet<>();
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
                decisions.add(JSON.readTree(answer.get().body()));
            }
            assertThat(decisions).hasSize(1);
            assertThat(Stores.eventTypes(id)).hasSize(2);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void theSameIdWithOtherContentIsAConflict() throws Exception {
        String id = "flow-" + RUN + "-4";
        vigil.post("/api/v1/transactions", transaction(id, "20.00", ""));

        HttpResponse<String> conflict = vigil.post("/api/v1/transactions", transaction(id, "21.00", ""));

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(conflict.body()).path("type").asText()).isEqualTo("/problems/conflict");
        assertThat(Stores.eventTypes(id)).hasSize(2);
        assertThat(JSON.readTree(vigil.get("/api/v1/transactions/" + id).body())
                        .path("amount")
                        .decimalValue())
                .isEqualByComparingTo("20.00");
    }

    @Test
    void anOutcomeIsRecordedAndShown() throws Exception {
        String id = "flow-" + RUN + "-5";
        vigil.post("/api/v1/transactions", transaction(id, "20.00", ""));

        HttpResponse<String> outcome = vigil.post("/api/v1/transactions/" + id + "/outcome", """
                {"outcome": "chargeback", "timestamp": "2026-11-24T08:00:00Z", "note": "issuer notice"}
                """);

        assertThat(outcome.statusCode()).isEqualTo(202);
        assertThat(Stores.eventTypes(id)).last().isEqualTo("TransactionOutcomeReportedEvent");
        JsonNode read = JSON.readTree(vigil.get("/api/v1/transactions/" + id).body());
        assertThat(read.path("outcome").path("outcome").asText()).isEqualTo("chargeback");
        assertThat(read.path("outcome").path("timestamp").asText()).isEqualTo("2026-11-24T08:00:00Z");
    }

    @Test
    void healthReportsEachStore() throws Exception {
        JsonNode health = JSON.readTree(vigil.get("/actuator/health").body());

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("clickHouse").path("status").asText())
                .isEqualTo("UP");
        assertThat(health.path("components").path("couchDb").path("status").asText())
                .isEqualTo("UP");
    }
}
