package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

/**
 * The model committed with the tests (trained in Python by {@code models/train_imported_model.py}), its import body
 * for {@code POST /api/v1/models/import}, and what the model tests do over the API.
 */
final class ModelApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelApi() {}

    /** The import body: the model, its features, the samples with Python's predictions. */
    static ObjectNode importBody(String trainedBy) throws IOException {
        JsonNode samples = resource("models/imported-model-samples.json");
        ObjectNode body = JSON.createObjectNode();
        body.set("model", resource("models/imported-model.json"));
        body.set("features", samples.path("features").deepCopy());
        body.set("samples", samples.path("samples").deepCopy());
        body.put("trainedBy", trainedBy);
        body.put("trainedFrom", "2026-09-01T00:00:00Z");
        body.put("trainedTo", "2026-10-01T00:00:00Z");
        body.putObject("metrics").put("auc", 0.93).put("averagePrecision", 0.71);
        body.put(
                "comment",
                "trained in Python with " + samples.path("trainedWith").asText());
        return body;
    }

    static ArrayNode samples(ObjectNode body) {
        return (ArrayNode) body.path("samples");
    }

    static HttpResponse<String> importModel(VigilProcess vigil, String key, ObjectNode body) throws Exception {
        return PatternApi.call(vigil, "POST", "/api/v1/models/import", key, body.toString());
    }

    static JsonNode overview(VigilProcess vigil, String key) throws Exception {
        return PatternApi.ok(PatternApi.call(vigil, "GET", "/api/v1/models", key, null));
    }

    /** Rolls back until no model is live, so that no other test decides with one. */
    static void noModelLive(VigilProcess vigil, String key) throws Exception {
        for (int i = 0; i < 20 && !overview(vigil, key).path("live").isNull(); i++) {
            HttpResponse<String> back = PatternApi.call(
                    vigil, "POST", "/api/v1/models/rollback", key, "{\"comment\": \"a test leaves no model live\"}");
            assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        }
        assertThat(overview(vigil, key).path("live").isNull()).isTrue();
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = ModelApi.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return JSON.readTree(in);
        }
    }
}
