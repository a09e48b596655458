package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A model promoted over the API of one Vigil is scored with by a second Vigil within a second, through the pattern
 * store's change feed; its decisions then carry the model's version, score and top contributions, and a rollback
 * takes the model out again just as fast. The nodes' periodic refresh is five minutes, so only the feed can bring the
 * change in time.
 */
class ModelPropagationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(1);
    /**
     * Nodes that see changes through the feed only, evaluate no monitors and keep few database connections: a few
     * decisions at a time need no more, and the PostgreSQL they share with other running Vigils has a fixed number
     * of connection slots.
     */
    private static final Map<String, String> FEED_ONLY = Map.of(
            "VIGIL_SCORING_PATTERNREFRESH", "5m", "VIGIL_MONITORING_ENABLED", "false", "VIGIL_DB_POOL_SIZE", "6");

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger sent = new AtomicInteger();

    @Test
    void aModelPromotedOnOneNodeScoresOnTheOtherWithinOneSecond() throws Exception {
        VigilProcess.stopShared();
        VigilProcess first = VigilProcess.dedicated("model-first", FEED_ONLY);
        VigilProcess second = VigilProcess.dedicated("model-second", FEED_ONLY);
        String analyst = null;
        String approver = null;
        try {
            first.start();
            second.start();
            eventually(
                    Duration.ofSeconds(30),
                    "both nodes to follow the change feed",
                    () -> first.metric("vigil_pattern_changes_connected") == 1.0
                            && second.metric("vigil_pattern_changes_connected") == 1.0);
            analyst = PatternApi.key(first, "model-feed-analyst-" + run);
            approver = PatternApi.key(first, "model-feed-approver-" + run);
            ModelApi.noModelLive(first, approver);

            List<Integer> versions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> imported =
                        ModelApi.importModel(first, analyst, ModelApi.importBody("data-science-" + run));
                int version = PatternApi.ok(imported).path("number").asInt();
                PatternApi.ok(PatternApi.call(first, "POST", "/api/v1/models/" + version + "/approve", approver, "{}"));
                versions.add(version);
            }
            for (int i = 0; i < 200; i++) { // running nodes, not ones that have just started
                first.post("/api/v1/transactions", transaction());
                second.post("/api/v1/transactions", transaction());
            }

            List<Long> promoted = new ArrayList<>();
            for (int round = 0; round < versions.size(); round++) {
                int version = versions.get(round);
                PatternApi.ok(PatternApi.call(first, "POST", "/api/v1/models/" + version + "/promote", approver, "{}"));
                long answered = System.nanoTime();
                JsonNode seen = scoredWith(second, version, answered);
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answered);
                promoted.add(ms);
                System.out.printf(
                        "Round %d: version %d promoted on the first node, scored with on the second after %d ms%s%n",
                        round, version, ms, round == 0 ? " (first load of a model on the node)" : "");
                JsonNode model = seen.path("model");
                assertThat(model.path("modelId").asText()).isEqualTo("risk");
                assertThat(model.path("score").asDouble()).isBetween(0.0, 100.0);
                assertThat(model.path("contributions").size()).isBetween(1, 5);
                assertThat(seen.path("score").asDouble())
                        .isGreaterThanOrEqualTo(model.path("score").asDouble());
                assertThat(seen.path("fallback").asBoolean()).isFalse();
                Thread.sleep(300);
            }
            System.out.printf(
                    "Model promote to a decision with it on the other node, ms: %s (node's own load timer: %s)%n",
                    promoted, loads(second));
            assertThat(promoted.subList(1, promoted.size()))
                    .allSatisfy(ms -> assertThat(ms).isLessThan(LIMIT.toMillis()));
            assertThat(promoted.get(0)).isLessThan(LIMIT.toMillis());

            PatternApi.ok(PatternApi.call(first, "POST", "/api/v1/models/rollback", approver, "{}"));
            long rolledBack = System.nanoTime();
            int previous = versions.get(versions.size() - 2);
            scoredWith(second, previous, rolledBack);
            long backMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - rolledBack);
            System.out.printf(
                    "Rollback to version %d on the first node, scored with on the second after %d ms%n",
                    previous, backMs);
            assertThat(backMs).isLessThan(LIMIT.toMillis());
        } finally {
            try {
                if (approver != null) {
                    ModelApi.noModelLive(first, approver);
                }
            } finally {
                first.stop();
                second.stop();
            }
        }
    }

    /** Sends a transaction every 20 ms until one is scored with the model version, and answers it (GET). */
    private JsonNode scoredWith(VigilProcess vigil, int version, long since) throws Exception {
        long deadline = since + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            long sentAt = System.nanoTime();
            String body = transaction();
            String id = JSON.readTree(body).path("id").asText();
            HttpResponse<String> decided = vigil.post("/api/v1/transactions", body);
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
            JsonNode read =
                    JSON.readTree(vigil.get("/api/v1/transactions/" + id).body());
            if (read.path("model").path("version").asInt() == version) {
                return read;
            }
            long pause = TimeUnit.MILLISECONDS.toNanos(20) - (System.nanoTime() - sentAt);
            if (pause > 0) {
                TimeUnit.NANOSECONDS.sleep(pause);
            }
        }
        throw new AssertionError("no decision with model version " + version + " within 10 s");
    }

    /** A night-time transaction of its own customer and card, abroad, of a large amount. */
    private String transaction() {
        int n = sent.incrementAndGet();
        return """
                {"id": "model-feed-%s-%d", "timestamp": "2026-11-23T02:15:30Z", "amount": 900.00, "currency": "EUR",
                 "merchantId": "m-model-feed", "customerId": "c-model-%s-%d", "cardFingerprint": "card-model-%s-%d",
                 "country": "DE"}
                """.formatted(run, n, run, n, run, n);
    }

    private static String loads(VigilProcess vigil) throws Exception {
        double count = vigil.metric("vigil_model_load_seconds_count");
        double sum = vigil.metric("vigil_model_load_seconds_sum");
        double max = vigil.metric("vigil_model_load_seconds_max");
        return String.format("%.0f loads, mean %.0f ms, max %.0f ms", count, 1000 * sum / count, 1000 * max);
    }
}
