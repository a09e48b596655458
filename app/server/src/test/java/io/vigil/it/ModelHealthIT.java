package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The live model's verdicts are a series monitors watch (issue 16, point 6): every decision the model scored counts as
 * a {@code model} operation in the rollups, success when its score alone would approve, {@code review} or
 * {@code decline} otherwise; a monitor over it is accepted like any other, and a client cannot send such events.
 */
class ModelHealthIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String merchant = "m-health-" + run;

    @Test
    void theLiveModelsVerdictsAreASeriesMonitorsWatch() throws Exception {
        VigilProcess vigil = VigilProcess.shared();
        String analyst = PatternApi.key(vigil, "health-analyst-" + run);
        String approver = PatternApi.key(vigil, "health-approver-" + run);
        ModelApi.noModelLive(vigil, approver);
        try {
            int version = PatternApi.ok(
                            ModelApi.importModel(vigil, analyst, ModelApi.importBody("data-science-" + run)))
                    .path("number")
                    .asInt();
            PatternApi.ok(PatternApi.call(vigil, "POST", "/api/v1/models/" + version + "/approve", approver, "{}"));
            PatternApi.ok(PatternApi.call(vigil, "POST", "/api/v1/models/" + version + "/promote", approver, "{}"));
            AtomicInteger probes = new AtomicInteger();
            Stores.eventually(Duration.ofSeconds(10), "a decision with model version " + version, () -> {
                JsonNode read = decide("probe-" + run + "-" + probes.incrementAndGet(), merchant + "-probe", 40, 14);
                return read.path("model").path("version").asInt() == version;
            });

            // large amounts at night are what the Python model learnt to call fraud; small ones by day are not
            Map<String, Integer> expected = new HashMap<>(Map.of("approve", 0, "review", 0, "decline", 0));
            for (int i = 0; i < 12; i++) {
                boolean risky = i % 2 == 0;
                JsonNode read = decide(run + "-" + i, merchant, risky ? 1_900 : 35, risky ? 2 : 14);
                assertThat(read.path("model").path("version").asInt()).isEqualTo(version);
                double score = read.path("model").path("score").asDouble();
                expected.merge(score >= 80 ? "decline" : score >= 50 ? "review" : "approve", 1, Integer::sum);
            }
            System.out.printf("Model verdicts of the 12 transactions by their scores: %s%n", expected);
            assertThat(expected.get("approve")).as("some verdicts approve").isPositive();
            assertThat(expected.get("approve")).as("some verdicts do not").isLessThan(12);

            String where = "operation = 'model' AND merchant_id = '" + merchant + "'";
            Stores.eventually(
                    Duration.ofSeconds(30),
                    "the model's 12 verdicts in the monitors' rollups",
                    () -> Stores.clickHouseCount("SELECT sum(attempts) FROM operations_minute WHERE " + where) == 12);
            assertThat(Stores.clickHouseCount("SELECT sum(successes) FROM operations_minute WHERE " + where))
                    .isEqualTo(expected.get("approve").longValue());
            for (String verdict : new String[] {"review", "decline"}) {
                assertThat(Stores.clickHouseCount("SELECT count() FROM operations WHERE " + where
                                + " AND success = 0 AND error_code = '" + verdict + "'"))
                        .as(verdict)
                        .isEqualTo(expected.get(verdict).longValue());
            }
            assertThat(Stores.clickHouseCount(
                            "SELECT count() FROM operations WHERE operation = 'model_shadow' AND merchant_id = '"
                                    + merchant + "'"))
                    .as("no shadow model, no shadow verdicts")
                    .isZero();

            String monitor = "model-health-" + run;
            HttpResponse<String> created =
                    PatternApi.call(vigil, "POST", "/api/v1/monitors", approver, """
                    {"id": "%s", "name": "Live model verdicts %s", "metric": "conversion", "operation": "model",
                     "dimensions": ["country"], "filter": {"merchant": "%s"}, "minVolume": 1}
                    """.formatted(monitor, run, merchant));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(JSON.readTree(created.body()).path("operation").asText()).isEqualTo("model");
            // the monitor reads the model's series from the rollups: one series, the transactions' country
            JsonNode backtest = PatternApi.ok(
                    PatternApi.call(vigil, "GET", "/api/v1/monitors/" + monitor + "/backtest?days=2", approver, null));
            assertThat(backtest.path("series").asInt()).as(backtest.toString()).isEqualTo(1);
            PatternApi.call(vigil, "DELETE", "/api/v1/monitors/" + monitor, approver, null);

            HttpResponse<String> forged = vigil.post(
                    "/api/v1/events", """
                    {"id": "forged-%s", "timestamp": "%s", "merchantId": "%s", "operation": "model",
                     "outcome": "success"}
                    """.formatted(run, Instant.now().truncatedTo(ChronoUnit.SECONDS), merchant));
            assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        } finally {
            ModelApi.noModelLive(vigil, approver);
        }
    }

    /** Submits a transaction of yesterday at the given hour (UTC) and answers it as {@code GET} shows it. */
    private static JsonNode decide(String id, String merchant, int amount, int hour) throws Exception {
        Instant at = Instant.now()
                .minus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.DAYS)
                .plus(hour, ChronoUnit.HOURS)
                .plus(15, ChronoUnit.MINUTES);
        VigilProcess vigil = VigilProcess.shared();
        HttpResponse<String> decided =
                vigil.post("/api/v1/transactions", """
                {"id": "health-%s", "timestamp": "%s", "amount": %d.00, "currency": "EUR", "merchantId": "%s",
                 "customerId": "c-health-%s", "cardFingerprint": "card-health-%s", "country": "DE"}
                """.formatted(id, at, amount, merchant, id, id));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        return JSON.readTree(vigil.get("/api/v1/transactions/health-" + id).body());
    }
}
