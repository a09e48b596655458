package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What the pattern tests do over the API: make a key, call with it, and take a pattern through its lifecycle. */
final class PatternApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PatternApi() {}

    /** A new API key with the manage scope, made with the test's local key. */
    static String key(VigilProcess vigil, String name) throws Exception {
        HttpResponse<String> created =
                vigil.post("/api/v1/api-keys", "{\"name\": \"%s\", \"scopes\": [\"manage\"]}".formatted(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("key").asText();
    }

    static HttpResponse<String> call(VigilProcess vigil, String method, String path, String key, String json)
            throws Exception {
        HttpRequest.Builder request = vigil.request(path);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return vigil.send(request, key);
    }

    /** The answer's body, after checking it is a success. */
    static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
        return JSON.readTree(response.body());
    }

    /** Creates, submits (as the author), approves and publishes (as the approver) a pattern in the given mode. */
    static void publish(
            VigilProcess vigil,
            String author,
            String approver,
            String id,
            String expression,
            String effect,
            String mode)
            throws Exception {
        ok(call(vigil, "POST", "/api/v1/patterns", author, """
                {"id": "%s", "name": "%s", "expression": "%s", "effect": "%s", "comment": "written by a test"}
                """.formatted(
                        id, id, expression.replace("\"", "\\\""), effect)));
        ok(call(vigil, "POST", "/api/v1/patterns/" + id + "/submit", author, "{\"comment\": \"ok?\"}"));
        ok(call(vigil, "POST", "/api/v1/patterns/" + id + "/approve", approver, "{\"comment\": \"ok\"}"));
        ok(call(vigil, "POST", "/api/v1/patterns/" + id + "/publish", approver, "{\"mode\": \"" + mode + "\"}"));
    }
}
