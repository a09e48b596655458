package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A model trained elsewhere, in Python with xgboost (the committed model and samples), is imported over the API: Vigil
 * scores every sample as Python did, so it is accepted as a candidate; a sample whose prediction was changed, or a
 * feature Vigil does not compute, is refused with a 422 naming the problem. Its trainer may not approve it.
 */
class ModelImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aPythonModelThatVigilScoresIdenticallyIsACandidateAndTamperedOnesAreRefused() throws Exception {
        VigilProcess vigil = VigilProcess.shared();
        String analyst = PatternApi.key(vigil, "model-analyst-" + run);
        String approver = PatternApi.key(vigil, "model-approver-" + run);

        ObjectNode unknownFeature = ModelApi.importBody("data-science-" + run);
        unknownFeature.withArray("features").set(4, JSON.getNodeFactory().textNode("features.card.shoe_size"));
        HttpResponse<String> refusedFeature = ModelApi.importModel(vigil, analyst, unknownFeature);
        assertThat(refusedFeature.statusCode()).as(refusedFeature.body()).isEqualTo(422);
        assertThat(refusedFeature.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(refusedFeature.body()).path("detail").asText())
                .contains("feature features.card.shoe_size does not exist");

        ObjectNode tampered = ModelApi.importBody("data-science-" + run);
        ObjectNode third = (ObjectNode) ModelApi.samples(tampered).get(3);
        third.put("prediction", third.path("prediction").asDouble() + 1e-5);
        HttpResponse<String> refusedSample = ModelApi.importModel(vigil, analyst, tampered);
        assertThat(refusedSample.statusCode()).as(refusedSample.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(refusedSample.body());
        assertThat(problem.path("detail").asText()).startsWith("samples[3] is scored ");
        assertThat(problem.path("errors")).hasSize(1);

        ObjectNode body = ModelApi.importBody("data-science-" + run);
        HttpResponse<String> imported = ModelApi.importModel(vigil, analyst, body);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode candidate = JSON.readTree(imported.body());
        int version = candidate.path("number").asInt();
        assertThat(imported.headers().firstValue("Location")).hasValue("/api/v1/models/" + version);
        assertThat(candidate.path("state").asText()).isEqualTo("candidate");
        assertThat(candidate.path("source").asText()).isEqualTo("imported");
        assertThat(candidate.path("features")).isEqualTo(body.path("features"));
        assertThat(candidate.path("sha256").asText()).hasSize(64);
        System.out.printf(
                "Imported the Python model as version %d: its %d samples scored by Vigil within 1e-6 of Python's%n",
                version, body.path("samples").size());

        HttpResponse<String> ownApproval = PatternApi.call(
                vigil, "POST", "/api/v1/models/" + version + "/approve", analyst, "{\"comment\": \"mine\"}");
        assertThat(ownApproval.statusCode()).as(ownApproval.body()).isEqualTo(409);
        HttpResponse<String> promotedCandidate =
                PatternApi.call(vigil, "POST", "/api/v1/models/" + version + "/promote", approver, "{}");
        assertThat(promotedCandidate.statusCode()).as(promotedCandidate.body()).isEqualTo(409);

        JsonNode approved = PatternApi.ok(PatternApi.call(
                vigil, "POST", "/api/v1/models/" + version + "/approve", approver, "{\"comment\": \"checked\"}"));
        JsonNode row = null;
        for (JsonNode v : approved.path("versions")) {
            if (v.path("number").asInt() == version) {
                row = v;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("state").asText()).isEqualTo("approved");
        assertThat(row.path("approvedBy").asText()).contains("model-approver-" + run);
        JsonNode got = PatternApi.ok(PatternApi.call(vigil, "GET", "/api/v1/models/" + version, analyst, null));
        assertThat(got.path("state").asText()).isEqualTo("approved");
    }
}
