package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API keys end to end on two nodes sharing the stores: a key made on one node works on the other, each scope lets
 * through what the contract says and nothing else, a revoked key is refused on the other node within a second, a key
 * over its rate gets 429 with Retry-After and stores nothing, and the OpenAPI document names every operation's scope.
 */
class ApiKeysIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String LOCAL = localKey();

    private static VigilProcess first;
    private static VigilProcess second;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        Map<String, String> settings = Map.of("VIGIL_ACCESS_LOCALKEY", LOCAL, "VIGIL_ACCESS_KEYLASTUSEDFLUSH", "1s");
        first = VigilProcess.dedicated("keys-first", settings);
        second = VigilProcess.dedicated("keys-second", settings);
        first.start();
        second.start();
    }

    @AfterAll
    static void stopNodes() {
        if (second != null) {
            second.stop();
        }
        if (first != null) {
            first.stop();
        }
    }

    static String localKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder("vgl_itlocal0_");
        for (int i = 0; i < 40; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }

    static HttpResponse<String> call(VigilProcess node, String method, String path, String key, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode createKey(String name, String scopes, String limits) throws Exception {
        HttpResponse<String> created = call(
                first,
                "POST",
                "/api/v1/api-keys",
                LOCAL,
                "{\"name\": \"%s\", \"scopes\": [%s]%s}".formatted(name, scopes, limits));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    static String transaction(String id) {
        return """
                {"id": "%s", "timestamp": "2026-11-23T10:15:30Z", "amount": 12.50, "currency": "EUR",
                 "merchantId": "m-keys", "customerId": "c-keys", "cardFingerprint": "card-keys", "country": "SE",
                 "paymentMethod": "card", "channel": "web"}
                """.formatted(id);
    }

    @Test
    void withoutAKeyTheApiAnswers401AndStoresNothing() throws Exception {
        String id = "keys-" + RUN + "-anonymous";
        HttpResponse<String> refused = call(first, "POST", "/api/v1/transactions", null, transaction(id));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(refused.body()).path("type").asText()).isEqualTo("/problems/unauthorized");
        assertThat(Stores.eventTypes(id)).isEmpty();

        HttpResponse<String> unknown = call(first, "POST", "/api/v1/transactions", localKey(), transaction(id));
        assertThat(unknown.statusCode()).isEqualTo(401);
        HttpResponse<String> noHeader = call(first, "GET", "/api/v1/monitors", null, null);
        assertThat(noHeader.statusCode()).isEqualTo(401);
        HttpResponse<String> basic = HTTP.send(
                HttpRequest.newBuilder(first.uri("/api/v1/monitors"))
                        .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(Stores.eventTypes(id)).isEmpty();
    }

    @Test
    void eachScopeLetsThroughWhatTheContractSaysOnEveryNode() throws Exception {
        JsonNode submit = createKey("it-submit-" + RUN, "\"submit\"", "");
        JsonNode read = createKey("it-read-" + RUN, "\"read\"", "");
        String submitKey = submit.path("key").asText();
        String readKey = read.path("key").asText();
        assertThat(submitKey).startsWith(submit.path("prefix").asText() + "_");

        String id = "keys-" + RUN + "-scopes";
        // made on the first node, used on the second (within its next refresh)
        HttpResponse<String> decided =
                eventuallyNot401(() -> call(second, "POST", "/api/v1/transactions", submitKey, transaction(id)));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

        HttpResponse<String> readWithSubmit = call(second, "GET", "/api/v1/transactions/" + id, submitKey, null);
        assertThat(readWithSubmit.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(readWithSubmit.body()).path("detail").asText()).contains("'read'");

        HttpResponse<String> readWithRead =
                eventuallyNot401(() -> call(second, "GET", "/api/v1/transactions/" + id, readKey, null));
        assertThat(readWithRead.statusCode()).isEqualTo(200);

        String other = "keys-" + RUN + "-read-cannot-submit";
        HttpResponse<String> submitWithRead = call(first, "POST", "/api/v1/transactions", readKey, transaction(other));
        assertThat(submitWithRead.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(submitWithRead.body()).path("detail").asText()).contains("'submit'");
        assertThat(Stores.eventTypes(other)).isEmpty();

        assertThat(call(first, "GET", "/api/v1/monitors", readKey, null).statusCode())
                .isEqualTo(403);
        assertThat(call(first, "GET", "/api/v1/api-keys", readKey, null).statusCode())
                .as("only the admin scope lists keys")
                .isEqualTo(403);
        HttpResponse<String> current = call(first, "GET", "/api/v1/api-keys/current", readKey, null);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(current.body()).path("name").asText()).isEqualTo("it-read-" + RUN);

        // the list shows prefixes, never a key
        HttpResponse<String> list = call(first, "GET", "/api/v1/api-keys", LOCAL, null);
        assertThat(list.body()).contains(submit.path("prefix").asText()).doesNotContain(submitKey);

        // last used is written within the flush period
        Stores.eventually(Duration.ofSeconds(10), "the submit key's last-used time", () -> {
            JsonNode keys = JSON.readTree(
                    call(first, "GET", "/api/v1/api-keys", LOCAL, null).body());
            for (JsonNode key : keys) {
                if (key.path("keyId").asText().equals(submit.path("keyId").asText())) {
                    return !key.path("lastUsedAt").isNull();
                }
            }
            return false;
        });
    }

    @Test
    void aRevokedKeyIsRefusedOnTheOtherNodeWithinASecond() throws Exception {
        JsonNode key = createKey("it-revoke-" + RUN, "\"read\"", "");
        String secret = key.path("key").asText();
        eventuallyNot401(() -> call(second, "GET", "/api/v1/api-keys/current", secret, null));

        HttpResponse<String> revoked =
                call(first, "DELETE", "/api/v1/api-keys/" + key.path("keyId").asText(), LOCAL, null);
        assertThat(revoked.statusCode()).isEqualTo(204);
        long start = System.nanoTime();
        int status;
        do {
            status = call(second, "GET", "/api/v1/api-keys/current", secret, null)
                    .statusCode();
        } while (status != 401
                && System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(status).isEqualTo(401);
        assertThat(took).as("refused on the other node after " + took).isLessThan(Duration.ofSeconds(1));
        assertThat(call(first, "GET", "/api/v1/api-keys/current", secret, null).statusCode())
                .as("and at once on the node that revoked it")
                .isEqualTo(401);
        assertThat(call(first, "DELETE", "/api/v1/api-keys/" + UUID.randomUUID(), LOCAL, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfterAndNothingIsStored() throws Exception {
        JsonNode key = createKey("it-rate-" + RUN, "\"submit\", \"read\"", ", \"ratePerSecond\": 1, \"burst\": 2");
        String secret = key.path("key").asText();
        eventuallyNot401(() -> call(first, "GET", "/api/v1/api-keys/current", secret, null));
        // the check above took one token; one is left, then the bucket is empty for a second
        List<HttpResponse<String>> answers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = "keys-" + RUN + "-rate-" + i;
            ids.add(id);
            answers.add(call(first, "POST", "/api/v1/transactions", secret, transaction(id)));
        }
        HttpResponse<String> limited = answers.stream()
                .filter(a -> a.statusCode() == 429)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no 429 among "
                        + answers.stream().map(HttpResponse::statusCode).toList()));
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 2L));
        assertThat(JSON.readTree(limited.body()).path("type").asText()).isEqualTo("/problems/rate-limited");
        for (int i = 0; i < 3; i++) {
            if (answers.get(i).statusCode() == 429) {
                assertThat(Stores.eventTypes(ids.get(i)))
                        .as("nothing stored for a 429")
                        .isEmpty();
            }
        }
    }

    @Test
    void invalidKeyRequestsAreRefusedWithTheField() throws Exception {
        HttpResponse<String> noName = call(first, "POST", "/api/v1/api-keys", LOCAL, "{\"scopes\": [\"read\"]}");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noName.body())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("name");
        HttpResponse<String> badScope =
                call(first, "POST", "/api/v1/api-keys", LOCAL, "{\"name\": \"x\", \"scopes\": [\"everything\"]}");
        assertThat(badScope.statusCode()).isEqualTo(400);
        assertThat(badScope.body()).contains("everything");
        HttpResponse<String> badRate =
                call(first, "POST", "/api/v1/api-keys", LOCAL, "{\"name\": \"x\", \"ratePerSecond\": 0}");
        assertThat(badRate.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badRate.body())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("ratePerSecond");
    }

    @Test
    void healthProbesAreOpenAndDetailsAndMetricsNeedAKey() throws Exception {
        JsonNode read = createKey("it-health-" + RUN, "\"read\"", "");
        String readKey = read.path("key").asText();
        eventuallyNot401(() -> call(first, "GET", "/api/v1/api-keys/current", readKey, null));

        assertThat(call(first, "GET", "/actuator/health/liveness", null, null).statusCode())
                .isEqualTo(200);
        assertThat(call(first, "GET", "/actuator/health/readiness", null, null).statusCode())
                .isEqualTo(200);
        String anonymous = call(first, "GET", "/actuator/health", null, null).body();
        assertThat(anonymous).contains("\"status\":\"UP\"").doesNotContain("\"details\"");
        String detailed = call(first, "GET", "/actuator/health", readKey, null).body();
        assertThat(detailed).contains("\"details\"");
        assertThat(call(first, "GET", "/actuator/prometheus", null, null).statusCode())
                .isEqualTo(401);
        HttpResponse<String> metrics = call(first, "GET", "/actuator/prometheus", readKey, null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("vigil_api_key_refusals");
    }

    @Test
    void theOpenApiDocumentNamesTheScopeOfEveryApiOperation() throws Exception {
        // the API reference is the console's: a signed-in user reads it
        HttpResponse<String> docs =
                first.get("/v3/api-docs", "Cookie", first.console().cookie());
        assertThat(docs.statusCode()).as("the OpenAPI document, signed in").isEqualTo(200);
        JsonNode document = JSON.readTree(docs.body());
        assertThat(document.path("components")
                        .path("securitySchemes")
                        .path("apiKey")
                        .path("scheme")
                        .asText())
                .isEqualTo("bearer");
        List<String> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/v1/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                operations.add(operation.getKey() + " " + path.getKey());
                JsonNode security = operation.getValue().path("security");
                assertThat(security.size())
                        .as(operation.getKey() + " " + path.getKey() + " declares its key")
                        .isEqualTo(1);
                assertThat(operation.getValue().path("x-vigil-scope").asText())
                        .as(operation.getKey() + " " + path.getKey() + " names its scope")
                        .isIn("submit", "read", "manage", "admin", "any");
            });
        });
        assertThat(operations).contains("post /api/v1/transactions", "get /api/v1/transactions/{id}");
        assertThat(operations)
                .contains(
                        "get /api/v1/lists",
                        "get /api/v1/lists/{list}/{kind}/entries",
                        "post /api/v1/lists/{list}/{kind}/entries",
                        "delete /api/v1/lists/{list}/{kind}/entries",
                        "put /api/v1/lists/{list}/{kind}/entries/expiry",
                        "post /api/v1/lists/{list}/{kind}/import",
                        "get /api/v1/lists/history",
                        "get /api/v1/lists/{list}/{kind}/history");
        JsonNode listImport = document.path("paths")
                .path("/api/v1/lists/{list}/{kind}/import")
                .path("post");
        assertThat(listImport.path("x-vigil-scope").asText()).isEqualTo("manage");
        assertThat(listImport.path("requestBody").path("content").has("text/csv"))
                .as("the import documents its CSV body")
                .isTrue();
        assertThat(listImport.path("responses").has("413")).isTrue();
        JsonNode submit = document.path("paths").path("/api/v1/transactions").path("post");
        assertThat(submit.path("security").get(0).path("apiKey").get(0).asText())
                .isEqualTo("submit");
    }

    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** A key made on one node reaches the other within its refresh: retry a 401 for a little while. */
    static HttpResponse<String> eventuallyNot401(Call call) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        HttpResponse<String> answer = call.send();
        while (answer.statusCode() == 401 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            answer = call.send();
        }
        return answer;
    }
}
