package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.tools.http.ApiKey;
import io.vigil.tools.simulator.Simulation;
import io.vigil.tools.simulator.SimulationConfig;
import io.vigil.tools.simulator.TrafficGenerator;
import io.vigil.tools.simulator.TrafficSender;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A risk model trained on the simulator's labelled traffic: four simulated weeks of history with injected fraud,
 * labelled days later, sent as a back-fill; a model trained on the first three weeks and evaluated on the last one
 * must rank the fraud better (average precision) than the benchmark's patterns alone on the same transactions. The
 * history is dated years back, at a date of its own per run, so that no other test's transactions fall in its range.
 */
class ModelTrainingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] PATTERNS = {
        {"mt-card-velocity", "features.card.count_5m >= 5", "score+40"},
        {"mt-device-farm", "features.device.distinct_cards_24h >= 5", "review"},
        {
            "mt-new-device-country",
            "features.customer.new_device && features.customer.new_country && tx.amount > 200.0",
            "score+30"
        },
        {"mt-amount-habit", "features.customer.count_24h >= 3 && features.customer.amount_zscore > 4.0", "score+25"},
    };
    private static VigilProcess vigil;

    @BeforeAll
    static void start() throws Exception {
        vigil = VigilProcess.shared();
    }

    @AfterAll
    static void switchThePatternsOff() throws Exception {
        for (String[] p : PATTERNS) {
            Stores.putCouchDocument(
                    p[0],
                    "{\"type\": \"pattern\", \"name\": \"" + p[0] + "\", \"expression\":"
                            + " \"false\", \"effect\": \"review\", \"mode\": \"off\", \"version\": 2}");
        }
        Stores.putCouchDocument(
                "vigil-pattern-set", "{\"type\": \"pattern-set\", \"version\": " + System.currentTimeMillis() + "}");
    }

    @Test
    void aModelTrainedOnTheFirstWeeksBeatsThePatternsOnTheLastWeek() throws Exception {
        publishPatterns();
        // a day of its own between 2003 and 2019 for each run
        Instant from =
                Instant.parse("2003-01-01T00:00:00Z").plus(Duration.ofDays(System.currentTimeMillis() / 60_000 % 6000));
        // -Dvigil.it.model.days and -Dvigil.it.model.rate make a bigger run (docs/models.md reports one)
        Duration weeks = Duration.ofDays(Long.getLong("vigil.it.model.days", 28));
        SimulationConfig config = SimulationConfig.defaults(from)
                .withSeed(System.currentTimeMillis() % 1000)
                .withDuration(weeks)
                .withPeakRate(Double.parseDouble(System.getProperty("vigil.it.model.rate", "0.02")))
                .withMerchants(20)
                .withCustomers(Integer.getInteger("vigil.it.model.customers", 3000))
                .withFraudShare(0.04)
                .withIncidents(0);
        Simulation simulation = TrafficGenerator.generate(config);
        long started = System.nanoTime();
        TrafficSender.Report report = send(vigil, simulation, from);
        assertThat(report.failed()).as("requests that failed: %s", report).isZero();
        System.out.printf(
                "ModelTrainingIT: sent %d transactions and %d outcomes of %s in %.1f s%n",
                report.transactionsSent(), report.outcomesSent(), weeks, (System.nanoTime() - started) / 1e9);

        Instant to = from.plus(weeks);
        HttpResponse<String> accepted = vigil.post(
                "/api/v1/models/trainings",
                "{\"from\": \"" + from + "\", \"to\": \"" + to + "\", \"labelTime\": \"stated\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode run = awaitEnd(location, Duration.ofMinutes(15));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("completed");

        JsonNode model = run.path("metrics").path("model");
        JsonNode patterns = run.path("metrics").path("patterns");
        System.out.printf(
                "ModelTrainingIT: trained on %d rows (%d fraud), evaluated on %d (%d fraud)%n"
                        + "  model:    AUC %.3f  AP %.3f  review P %.3f R %.3f  decline P %.3f R %.3f%n"
                        + "  patterns: AUC %.3f  AP %.3f  review P %.3f R %.3f  decline P %.3f R %.3f%n"
                        + "  top features: %s%n",
                run.path("metrics").path("trainRows").asLong(),
                run.path("metrics").path("trainFrauds").asLong(),
                model.path("rows").asLong(),
                model.path("frauds").asLong(),
                model.path("auc").asDouble(),
                model.path("averagePrecision").asDouble(),
                model.path("review").path("precision").asDouble(),
                model.path("review").path("recall").asDouble(),
                model.path("decline").path("precision").asDouble(),
                model.path("decline").path("recall").asDouble(),
                patterns.path("auc").asDouble(),
                patterns.path("averagePrecision").asDouble(),
                patterns.path("review").path("precision").asDouble(),
                patterns.path("review").path("recall").asDouble(),
                patterns.path("decline").path("precision").asDouble(),
                patterns.path("decline").path("recall").asDouble(),
                top(run.path("importance"), 8));
        assertThat(model.path("frauds").asLong())
                .as("fraud in the held-out week")
                .isGreaterThanOrEqualTo(20);
        assertThat(model.path("rows").asLong()).isEqualTo(patterns.path("rows").asLong());
        assertThat(model.path("averagePrecision").asDouble())
                .as("the model's average precision against the patterns' alone")
                .isGreaterThan(patterns.path("averagePrecision").asDouble());
        assertThat(model.path("auc").asDouble()).isGreaterThan(0.7);
        assertThat(run.path("modelBytes").asInt()).isGreaterThan(1000);
        HttpResponse<String> json = vigil.get(location + "/model");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(json.body()).path("learner").isObject()).isTrue();

        // the run's model becomes a candidate version of the risk model, trained by the one who started the run
        HttpResponse<String> registered = vigil.post(location + "/register", "{\"comment\": \"weeks 1-3\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        int version = JSON.readTree(registered.body()).path("version").asInt();
        JsonNode candidate =
                JSON.readTree(vigil.get("/api/v1/models/" + version).body());
        assertThat(candidate.path("state").asText()).as(candidate.toString()).isEqualTo("candidate");
        assertThat(candidate.path("source").asText()).isEqualTo("trained");
        assertThat(candidate.toString()).contains("model.average_precision");

        // the training set as CSV through ./vigil model export-features: the same rows, a header of id, timestamp,
        // label and the features
        Path csv = Files.createTempFile("training-set", ".csv");
        Tool export = Tool.run(
                vigil,
                VigilProcess.LOCAL_KEY,
                "model",
                "export-features",
                "--from",
                from.toString(),
                "--to",
                to.toString(),
                "--label-time",
                "stated",
                "--out",
                csv.toString());
        assertThat(export.status()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        Files.delete(csv);
        assertThat(lines.get(0)).startsWith("id,timestamp,label,tx.amount,");
        assertThat(lines)
                .hasSize(1
                        + (int) (run.path("metrics").path("trainRows").asLong()
                                + model.path("rows").asLong()));
        long labelled = lines.stream()
                .skip(1)
                .filter(l -> l.split(",", 4)[2].equals("1"))
                .count();
        assertThat(labelled)
                .isEqualTo(run.path("metrics").path("trainFrauds").asLong()
                        + model.path("frauds").asLong());

        // ./vigil model train --wait prints the metrics side by side
        Tool train = Tool.run(
                vigil,
                VigilProcess.LOCAL_KEY,
                "model",
                "train",
                "--from",
                from.toString(),
                "--to",
                to.toString(),
                "--label-time",
                "stated",
                "--trees",
                "30",
                "--wait");
        System.out.print(train.out());
        assertThat(train.status()).as(train.err()).isZero();
        assertThat(train.out()).contains("average precision").contains("most important features");

        // a second training of the range, cancelled while it replays
        HttpResponse<String> second = vigil.post(
                "/api/v1/models/trainings",
                "{\"from\": \"" + from + "\", \"to\": \"" + to + "\", \"labelTime\": \"stated\", \"trees\": 5000}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
        String secondLocation = second.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> cancel = vigil.post(secondLocation + "/cancel", "");
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
        JsonNode cancelled = awaitEnd(secondLocation, Duration.ofSeconds(30));
        assertThat(cancelled.path("status").asText()).as(cancelled.toString()).isEqualTo("cancelled");
        assertThat(cancelled.path("modelBytes").isNull()).isTrue();
    }

    @Test
    void aBadRequestIsRefused() throws Exception {
        HttpResponse<String> bad = vigil.post(
                "/api/v1/models/trainings", "{\"from\": \"2004-01-02T00:00:00Z\", \"to\": \"2004-01-01T00:00:00Z\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("to must be after from");
        assertThat(vigil.get("/api/v1/models/trainings/tr-nope").statusCode()).isEqualTo(404);
    }

    private static JsonNode awaitEnd(String location, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode run;
        do {
            Thread.sleep(500);
            run = JSON.readTree(vigil.get(location).body());
        } while (run.path("status").asText().equals("running") && System.nanoTime() < deadline);
        return run;
    }

    private static String top(JsonNode importance, int n) {
        StringBuilder s = new StringBuilder();
        var names = importance.fieldNames();
        for (int i = 0; i < n && names.hasNext(); i++) {
            String name = names.next();
            s.append(i == 0 ? "" : ", ")
                    .append(name)
                    .append(' ')
                    .append(Math.round(importance.path(name).asDouble()));
        }
        return s.toString();
    }

    private static void publishPatterns() throws Exception {
        for (String[] p : PATTERNS) {
            Stores.putCouchDocument(
                    p[0],
                    "{\"type\": \"pattern\", \"name\": \"" + p[0] + "\", \"expression\": \"" + p[1]
                            + "\", \"effect\": \"" + p[2] + "\", \"mode\": \"active\", \"version\": 1}");
        }
        long version = System.currentTimeMillis();
        Stores.putCouchDocument("vigil-pattern-set", "{\"type\": \"pattern-set\", \"version\": " + version + "}");
        int[] probe = {0};
        Stores.eventually(
                Duration.ofSeconds(20),
                "scoring to pick up pattern set " + version,
                () -> JSON.readTree(vigil.post(
                                                "/api/v1/transactions",
                                                TransactionFlowIT.transaction(
                                                        "mt-probe-" + version + "-" + probe[0]++, "5.00", ""))
                                        .body())
                                .path("patternSetVersion")
                                .asLong()
                        == version);
    }

    /** Sends the simulation's transactions and outcomes as a back-fill (the ModelsBrowserIT sends its own too). */
    static TrafficSender.Report send(VigilProcess vigil, Simulation simulation, Instant from) throws Exception {
        TrafficSender.Options options = TrafficSender.Options.defaults(
                        vigil.uri("/"), ApiKey.of(VigilProcess.LOCAL_KEY))
                .withBackfill(true)
                .withMaxInFlight(16)
                .withEvents(false);
        TrafficSender sender = new TrafficSender(options, new PrintStream(OutputStream.nullOutputStream()));
        try {
            return sender.send(simulation.items().iterator(), from);
        } finally {
            sender.close();
        }
    }
}
