package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The live model's verdicts are a series monitors watch (issue 16, point 6): every decision the model scored counts as
 * a {@code model} operation in the rollups, success when its score alone would approve, {@code review} or
 * {@code decline} otherwise; a monitor over it is accepted like any other, raises an alert when the model's verdicts
 * shift against their baseline, and a client cannot send such events.
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
            int version = promoteTheImportedModel(vigil, analyst, approver);

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

    /**
     * Model drift raises an alert through the real monitor evaluator: the live model approves a merchant's small
     * purchases on new cards in the three minutes around the live one's time yesterday (sent as a back-fill), then in
     * the live minute it sees large purchases on a card labelled fraud and sends them all to review or decline. The conversion monitor on operation {@code model} raises one alert, for that
     * merchant and that minute, once the minute closes.
     */
    @Test
    void aShiftInTheLiveModelsVerdictsRaisesAnAlert() throws Exception {
        VigilProcess vigil = VigilProcess.shared();
        String analyst = PatternApi.key(vigil, "drift-analyst-" + run);
        String approver = PatternApi.key(vigil, "drift-approver-" + run);
        String drifting = "m-drift-" + run;
        String monitor = "model-drift-" + run;
        ModelApi.noModelLive(vigil, approver);
        try {
            int version = promoteTheImportedModel(vigil, analyst, approver);
            HttpResponse<String> created =
                    PatternApi.call(vigil, "POST", "/api/v1/monitors", approver, """
                    {"id": "%s", "name": "Live model verdicts %s", "metric": "conversion", "operation": "model",
                     "dimensions": ["country"], "filter": {"merchant": "%s"}, "sensitivity": "high",
                     "minVolume": 20}
                    """.formatted(monitor, run, drifting));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            // the card the live minute's purchases use, labelled fraud first
            String card = "card-drift-" + run;
            send(
                    vigil,
                    "drift-" + run + "-labelled",
                    Instant.now().minus(1, ChronoUnit.HOURS),
                    30,
                    drifting + "-probe",
                    card);
            HttpResponse<String> label = vigil.post(
                    "/api/v1/transactions/drift-" + run + "-labelled/outcome", "{\"outcome\": \"confirmed_fraud\"}");
            assertThat(label.statusCode()).as(label.body()).isEqualTo(202);
            // a large purchase on that card is what the model refuses to approve, at this time of day too
            AtomicInteger probes = new AtomicInteger();
            Stores.eventually(Duration.ofSeconds(10), "the model scoring the labelled card's purchase >= 50", () -> {
                String id = "drift-" + run + "-probe-" + probes.incrementAndGet();
                JsonNode read = send(vigil, id, Instant.now(), 1_900, drifting + "-probe", card);
                return read.path("model").path("score").asDouble() >= 50;
            });

            // the seasonal detector's baseline for a young series: the same minute and those either side of it
            // yesterday (at least 3 samples, at least the monitor's minVolume together): 25 small purchases on new
            // cards in each of the three minutes around the live one's time yesterday, all approved by the model
            Instant live = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(2, ChronoUnit.MINUTES);
            long approved = 0;
            for (int m = -1; m <= 1; m++) {
                approved += smallPurchases(
                        vigil,
                        version,
                        drifting,
                        "yesterday" + m,
                        live.minus(1, ChronoUnit.DAYS).plusSeconds(60L * m));
            }
            System.out.printf("ModelHealthIT: the model approved %d of the 75 baseline purchases%n", approved);
            assertThat(approved).as("the baseline is mostly approved").isGreaterThanOrEqualTo(68);
            String where = "operation = 'model' AND merchant_id = '" + drifting + "'";
            Stores.eventually(
                    Duration.ofSeconds(30),
                    "the baseline in the rollups",
                    () -> Stores.clickHouseCount("SELECT sum(attempts) FROM operations_minute WHERE " + where) == 75);
            assertThat(Instant.now())
                    .as("the baseline was stored before the live minute")
                    .isBefore(live);

            // the live minute: 30 large purchases on the labelled card, none of which the model approves
            Stores.eventually(
                    Duration.ofMinutes(2),
                    "the live minute",
                    () -> !Instant.now().isBefore(live));
            for (int i = 0; i < 30; i++) {
                JsonNode read = send(vigil, "drift-" + run + "-live-" + i, Instant.now(), 1_500 + i, drifting, card);
                assertThat(read.path("model").path("score").asDouble())
                        .as(read.toString())
                        .isGreaterThanOrEqualTo(50);
            }
            assertThat(Instant.now())
                    .as("the live purchases fell in the live minute")
                    .isBefore(live.plusSeconds(55));

            // the evaluator judges the minute once it closes, against yesterday's baseline: a collapse this clear
            // alerts on its first minute
            Instant end = live.plus(1, ChronoUnit.MINUTES);
            try {
                Stores.eventually(
                        Duration.between(Instant.now(), end).plusSeconds(30),
                        "an alert on the model's verdicts",
                        () -> !alerts(vigil, monitor).isEmpty());
            } finally {
                System.out.printf(
                        "ModelHealthIT: the live minute %s holds %d model verdicts, %d approving; the backtest: %s%n",
                        live,
                        Stores.clickHouseCount("SELECT sum(attempts) FROM operations_minute WHERE " + where
                                + " AND minute = toDateTime(" + live.getEpochSecond() + ")"),
                        Stores.clickHouseCount("SELECT sum(successes) FROM operations_minute WHERE " + where
                                + " AND minute = toDateTime(" + live.getEpochSecond() + ")"),
                        vigil.get("/api/v1/monitors/" + monitor + "/backtest?days=1")
                                .body());
            }
            List<JsonNode> alerts = alerts(vigil, monitor);
            System.out.println("ModelHealthIT: " + alerts);
            assertThat(alerts).hasSize(1);
            JsonNode alert = alerts.get(0);
            assertThat(alert.path("series").path("country").asText())
                    .as("the merchant's one series")
                    .isEqualTo("DE");
            assertThat(alert.path("minute").asText()).isEqualTo(live.toString());
            assertThat(alert.path("observation").path("value").asDouble())
                    .as("the share the model approved fell")
                    .isLessThan(alert.path("observation").path("expected").asDouble());
        } finally {
            PatternApi.call(vigil, "DELETE", "/api/v1/monitors/" + monitor, approver, null);
            ModelApi.noModelLive(vigil, approver);
        }
    }

    /**
     * Sends 25 small purchases on new cards of the merchant, a second apart from {@code from} (null: from now, as they
     * are sent); answers how many the model approved.
     */
    private long smallPurchases(VigilProcess vigil, int version, String merchant, String name, Instant from)
            throws Exception {
        long approved = 0;
        for (int i = 0; i < 25; i++) {
            String id = "drift-" + run + "-" + name + "-" + i;
            Instant at = from == null ? Instant.now() : from.plusSeconds(2 + i);
            JsonNode read = send(vigil, id, at, 20 + i, merchant, "card-" + id);
            assertThat(read.path("model").path("version").asInt()).isEqualTo(version);
            approved += read.path("model").path("score").asDouble() < 50 ? 1 : 0;
        }
        return approved;
    }

    /** Imports the committed Python model, approves and promotes it, and waits until decisions use it. */
    private int promoteTheImportedModel(VigilProcess vigil, String analyst, String approver) throws Exception {
        int version = PatternApi.ok(ModelApi.importModel(vigil, analyst, ModelApi.importBody("data-science-" + run)))
                .path("number")
                .asInt();
        PatternApi.ok(PatternApi.call(vigil, "POST", "/api/v1/models/" + version + "/approve", approver, "{}"));
        PatternApi.ok(PatternApi.call(vigil, "POST", "/api/v1/models/" + version + "/promote", approver, "{}"));
        AtomicInteger probes = new AtomicInteger();
        Stores.eventually(Duration.ofSeconds(10), "a decision with model version " + version, () -> {
            JsonNode read = decide("probe-" + run + "-" + probes.incrementAndGet(), merchant + "-probe", 40, 14);
            return read.path("model").path("version").asInt() == version;
        });
        return version;
    }

    private static List<JsonNode> alerts(VigilProcess vigil, String monitor) throws Exception {
        JsonNode page = PatternApi.ok(vigil.get("/api/v1/alerts?monitor=" + monitor + "&size=100"));
        List<JsonNode> list = new ArrayList<>();
        page.path("alerts").forEach(list::add);
        return list;
    }

    /** Submits a transaction in DE at {@code at} and answers it as {@code GET} shows it. */
    private static JsonNode send(VigilProcess vigil, String id, Instant at, int amount, String merchant, String card)
            throws Exception {
        HttpResponse<String> decided = vigil.post("/api/v1/transactions", """
                {"id": "%s", "timestamp": "%s", "amount": %d.00, "currency": "EUR", "merchantId": "%s",
                 "customerId": "c-%s", "cardFingerprint": "%s", "country": "DE"}
                """.formatted(
                        id, at.truncatedTo(ChronoUnit.MILLIS), amount, merchant, card, card));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        return JSON.readTree(vigil.get("/api/v1/transactions/" + id).body());
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
