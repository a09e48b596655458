package io.vigil.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.tools.http.ApiKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A live risk model for the scoring benchmark, so that it measures a decision with the model's cost in it: gradient
 * boosted trees of the size Vigil trains (depth 6, {@code trees} rounds) over every model feature, put live through
 * the same lifecycle an analyst uses (import as a candidate, approval by a second key, promotion).
 *
 * <p>The trees are trained on made-up rows: what the benchmark measures is the cost of walking them and of the
 * explanation, which depends on their number and depth, not on what they learnt. The labels are a 3 % coin with no
 * relation to the features, so on the benchmark's traffic the model answers close to 3 % and leaves the decision mix
 * to the patterns, as a calibrated model on ordinary traffic would.
 */
final class BenchModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 20_000;
    private static final int SAMPLES = 20;

    private BenchModel() {}

    /** The trained booster as XGBoost JSON, with a few rows and the booster's own predictions for them. */
    record Trained(byte[] json, float[][] samples, float[] predictions) {}

    static Trained train(List<String> names, int trees, long seed) throws XGBoostError {
        int columns = names.size();
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[ROWS * columns];
        float[] labels = new float[ROWS];
        for (int row = 0; row < ROWS; row++) {
            for (int c = 0; c < columns; c++) {
                // counts, sums and shares alike: mostly small, now and then large; a few missing
                data[row * columns + c] = random.nextInt(20) == 0
                        ? Float.NaN
                        : (float) (-Math.log(1 - random.nextDouble()) * (c % 7 + 1));
            }
            labels[row] = random.nextInt(100) < 3 ? 1 : 0;
        }
        DMatrix train = new DMatrix(data, ROWS, columns, Float.NaN);
        train.setLabel(labels);
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("max_depth", 6);
        params.put("eta", 0.1);
        params.put("tree_method", "hist");
        params.put("min_child_weight", 0.1);
        params.put("seed", 0);
        params.put("nthread", 2);
        Booster booster = XGBoost.train(train, params, trees, Map.of(), null, null);
        train.dispose();
        float[] sampleData = new float[SAMPLES * columns];
        System.arraycopy(data, 0, sampleData, 0, sampleData.length);
        DMatrix sampleMatrix = new DMatrix(sampleData, SAMPLES, columns, Float.NaN);
        float[][] predicted = booster.predict(sampleMatrix);
        sampleMatrix.dispose();
        float[][] samples = new float[SAMPLES][];
        float[] predictions = new float[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            samples[i] = java.util.Arrays.copyOfRange(sampleData, i * columns, (i + 1) * columns);
            predictions[i] = predicted[i][0];
        }
        byte[] json = booster.toByteArray("json");
        booster.dispose();
        return new Trained(json, samples, predictions);
    }

    /** The body of {@code POST /api/v1/models/import} for a trained model. */
    static String importBody(List<String> names, Trained trained, int trees) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", new String(trained.json(), StandardCharsets.UTF_8));
        ArrayNode features = body.putArray("features");
        names.forEach(features::add);
        ArrayNode samples = body.putArray("samples");
        for (int i = 0; i < trained.samples().length; i++) {
            ObjectNode sample = samples.addObject();
            ArrayNode values = sample.putArray("values");
            for (float v : trained.samples()[i]) {
                if (Float.isNaN(v)) {
                    values.addNull();
                } else {
                    values.add(v);
                }
            }
            sample.put("prediction", trained.predictions()[i]);
        }
        body.put("trainedBy", "vigil-bench");
        Instant now = Instant.now();
        body.put("trainedFrom", now.minusSeconds(86_400).toString());
        body.put("trainedTo", now.toString());
        body.put("comment", trees + " trees of depth 6 on made-up rows, for ./vigil bench scoring");
        return JSON.writeValueAsString(body);
    }

    /**
     * Imports the model, approves it with a second key (Vigil refuses an approval by the key that registered it):
     * {@code VIGIL_BENCH_APPROVER_KEY}, which {@code ./vigil} makes, or one created here when the benchmark's key may;
     * then promotes it and answers the version once the node decides with it.
     */
    static int makeLive(KeepAliveHttp api, URI base, ApiKey key, int trees, long seed, Supplier<String> nextTransaction)
            throws Exception {
        List<String> names = featureNames(base, key);
        Trained trained = train(names, trees, seed);
        KeepAliveHttp.Response imported = api.post("/api/v1/models/import", importBody(names, trained, trees));
        if (imported.status() != 201) {
            throw new IllegalStateException(
                    "Vigil refused the benchmark's model (" + imported.status() + "): " + imported.body());
        }
        int version = JSON.readTree(imported.body()).path("number").asInt();
        String approverKey = System.getenv("VIGIL_BENCH_APPROVER_KEY");
        if (approverKey == null || approverKey.isBlank()) {
            KeepAliveHttp.Response created = api.post(
                    "/api/v1/api-keys",
                    "{\"name\":\"bench-approver-" + System.currentTimeMillis() + "\",\"scopes\":[\"manage\"]}");
            if (created.status() != 201) {
                throw new IllegalStateException("no key to approve the model with: set VIGIL_BENCH_APPROVER_KEY to a"
                        + " key with the manage scope other than the benchmark's (./vigil does), or give the"
                        + " benchmark's key the admin scope; creating one answered " + created.status() + ": "
                        + created.body());
            }
            approverKey = JSON.readTree(created.body()).path("key").asText();
        }
        try (KeepAliveHttp approver = new KeepAliveHttp(base, ApiKey.of(approverKey))) {
            step(approver, "/api/v1/models/" + version + "/approve");
            step(approver, "/api/v1/models/" + version + "/promote");
        }
        // live when the node the benchmark talks to decides with it, not when the directory says so
        for (int i = 0; i < 300; i++) {
            JsonNode decided = JSON.readTree(
                    api.post("/api/v1/transactions", nextTransaction.get()).body());
            JsonNode stored = JSON.readTree(api.get("/api/v1/transactions/"
                            + decided.path("transactionId").asText())
                    .body());
            if (stored.path("model").path("version").asInt(-1) == version) {
                return version;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Vigil did not decide with model version " + version + " within 30 s");
    }

    /** The model features, in order: the columns of the training set's header after id, timestamp and label. */
    static List<String> featureNames(URI base, ApiKey key) throws IOException, InterruptedException {
        Instant now = Instant.now();
        HttpRequest request = HttpRequest.newBuilder(
                        base.resolve("/api/v1/models/training-set?from=" + now.minusSeconds(1) + "&to=" + now))
                .header("Authorization", key.authorization())
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(
                    "the training set's columns: Vigil answered " + answer.statusCode() + ": " + answer.body());
        }
        String header = answer.body().lines().findFirst().orElse("");
        List<String> columns = List.of(header.split(","));
        if (columns.size() < 4 || !columns.subList(0, 3).equals(List.of("id", "timestamp", "label"))) {
            throw new IllegalStateException("the training set's header is not as expected: " + header);
        }
        return columns.subList(3, columns.size());
    }

    private static void step(KeepAliveHttp api, String path) throws IOException {
        KeepAliveHttp.Response answer = api.post(path, "{\"comment\":\"./vigil bench scoring\"}");
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.body());
        }
    }
}
