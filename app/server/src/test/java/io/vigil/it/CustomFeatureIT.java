package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An analyst feature over the API: transactions recorded before it is defined are backfilled, one recorded after
 * counts live (once), a pattern that reads it is written by one key, approved and published by another, and declines
 * the card it was written for with the feature's value among its reasons.
 */
class CustomFeatureIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String CARD = "card-feature-" + RUN;

    private static VigilProcess vigil;
    private static String authorKey;
    private static String approverKey;

    @BeforeAll
    static void startVigilWithTwoKeys() throws Exception {
        vigil = VigilProcess.shared();
        authorKey = PatternApi.key(vigil, "feature-author-" + RUN);
        approverKey = PatternApi.key(vigil, "feature-approver-" + RUN);
    }

    private static HttpResponse<String> call(String method, String path, String key, String json) throws Exception {
        return PatternApi.call(vigil, method, path, key, json);
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        return PatternApi.ok(response);
    }

    /** A transaction of the test's card, an hour ago, in the given country. */
    private static JsonNode pay(String id, String country) throws Exception {
        String body = """
                {"id": "%s", "timestamp": "%s", "amount": 600.00, "currency": "EUR", "merchantId": "m-feature",
                 "customerId": "c-feature-%s", "cardFingerprint": "%s", "country": "%s",
                 "paymentMethod": "card", "channel": "web"}
                """.formatted(id, Instant.now().minusSeconds(3600), RUN, CARD, country);
        HttpResponse<String> response = vigil.post("/api/v1/transactions", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void aFeatureIsBackfilledCountedLiveAndReadByAPublishedPattern() throws Exception {
        for (int i = 0; i < 4; i++) {
            pay("feat-" + RUN + "-before-" + i, "US");
        }
        pay("feat-" + RUN + "-home", "DE");
        String name = "card_abroad_" + RUN.replace('-', '_');

        HttpResponse<String> bad = call("POST", "/api/v1/features", authorKey, """
                {"name": "Bad", "entity": "card", "aggregation": "median", "window": "90d"}
                """);
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(bad.body()).path("errors")).hasSize(3);

        HttpResponse<String> readsFeatures = call("POST", "/api/v1/features", authorKey, """
                {"name": "f_%s", "entity": "card", "aggregation": "count", "window": "1h",
                 "filter": "features.card.count_5m > 1"}
                """.formatted(RUN));
        assertThat(readsFeatures.statusCode()).as(readsFeatures.body()).isEqualTo(422);

        JsonNode defined = ok(call("POST", "/api/v1/features", authorKey, """
                {"name": "%s", "entity": "card", "aggregation": "sum", "window": "7d",
                 "filter": "tx.country != 'DE'", "description": "card spending abroad over a week"}
                """.formatted(name)));
        assertThat(defined.path("qualifiedName").asText()).isEqualTo("features.custom." + name);
        assertThat(defined.path("window").asText()).isEqualTo("7d");
        assertThat(call("POST", "/api/v1/features", authorKey, """
                        {"name": "%s", "entity": "card", "aggregation": "count", "window": "1h"}
                        """.formatted(name))
                        .statusCode())
                .isEqualTo(409);

        long started = System.nanoTime();
        JsonNode[] feature = new JsonNode[1];
        eventually(Duration.ofSeconds(60), "the feature backfilled on the node", () -> {
            feature[0] = ok(call("GET", "/api/v1/features/" + name, authorKey, null));
            return feature[0].path("status").asText().equals("ready");
        });
        System.out.printf(
                "CustomFeatureIT: feature ready %d ms after its definition, %d transactions backfilled, %d bytes per"
                        + " entity%n",
                (System.nanoTime() - started) / 1_000_000,
                feature[0].path("backfilledTransactions").asLong(),
                feature[0].path("bytesPerEntity").asLong());
        assertThat(feature[0].path("backfilledTransactions").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(feature[0].path("bytesPerEntity").asLong()).isBetween(100L, 1_000L);

        // counted live, once: 5 × 600 abroad
        pay("feat-" + RUN + "-after", "US");

        String id = "p-feature-" + RUN;
        ok(call("POST", "/api/v1/patterns", authorKey, """
                {"id": "%s", "name": "Card spending abroad", "expression": "features.custom.%s > 2000.0",
                 "effect": "decline", "comment": "reads the analyst feature"}
                """.formatted(id, name)));
        ok(call("POST", "/api/v1/patterns/" + id + "/submit", authorKey, "{\"comment\": \"please review\"}"));
        ok(call("POST", "/api/v1/patterns/" + id + "/approve", approverKey, "{\"comment\": \"ok\"}"));
        ok(call(
                "POST",
                "/api/v1/patterns/" + id + "/publish",
                approverKey,
                "{\"mode\": \"active\", \"comment\": \"on\"}"));

        JsonNode[] last = new JsonNode[1];
        int[] attempt = {0};
        eventually(Duration.ofSeconds(30), "the card declined by the pattern reading the feature", () -> {
            last[0] = pay("feat-" + RUN + "-probe-" + attempt[0]++, "DE");
            return last[0].path("decision").asText().equals("decline");
        });
        JsonNode reason = last[0].path("reasons").get(0);
        assertThat(reason.path("patternId").asText()).isEqualTo(id);
        assertThat(reason.path("features").path("features.custom." + name).asDouble())
                .isEqualTo(3000.0);

        ok(call("POST", "/api/v1/patterns/" + id + "/archive", authorKey, "{\"comment\": \"test done\"}"));
        // the archive reaches scoring through the pattern store: the tests after this one must not meet the pattern
        eventually(
                Duration.ofSeconds(30),
                "the archived pattern out of the decisions",
                () -> !pay("feat-" + RUN + "-archived-" + attempt[0]++, "DE")
                        .toString()
                        .contains(id));
        JsonNode archived =
                ok(call("POST", "/api/v1/features/" + name + "/archive", authorKey, "{\"reason\": \"test done\"}"));
        assertThat(archived.path("status").asText()).isEqualTo("archived");
        assertThat(ok(call("GET", "/api/v1/features", authorKey, null)).path("features"))
                .anySatisfy(f -> assertThat(f.path("name").asText()).isEqualTo(name));
    }
}
