package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Scoring when things go wrong: a pattern store that goes away and comes back, and a time budget that is missed. */
class ScoringResilienceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aMissedTimeBudgetAnswersTheFallbackDecisionAndRecordsIt() throws Exception {
        VigilProcess.stopShared();
        VigilProcess vigil = VigilProcess.dedicated("time-budget", Map.of("VIGIL_SCORING_TIME_BUDGET", "0ms"));
        vigil.start();
        try {
            String id = "budget-" + run;
            JsonNode decision =
                    JSON.readTree(vigil.post("/api/v1/transactions", TransactionFlowIT.transaction(id, "10.00", ""))
                            .body());

            assertThat(decision.path("fallback").asBoolean()).isTrue();
            assertThat(decision.path("decision").asText()).isEqualTo("review"); // the configured fallback
            JsonNode stored =
                    JSON.readTree(vigil.get("/api/v1/transactions/" + id).body());
            assertThat(stored.path("fallback").asBoolean()).isTrue();
            assertThat(Stores.eventTypes(id)).containsExactly("TransactionRecordedEvent", "TransactionDecidedEvent");
            assertThat(vigil.get("/actuator/prometheus").body())
                    .contains("vigil_decision_fallbacks_total{reason=\"time-budget\"}");
        } finally {
            vigil.stop();
        }
    }

    @Test
    void decisionsGoOnWhileCouchDbIsDownAndAChangedPatternIsPickedUpWhenItReturns() throws Exception {
        String server = System.getenv("VIGIL_POUCHDB_SERVER");
        assumeTrue(
                server != null && new File(server).isFile(),
                "needs the pouchdb-server that ./vigil test installs (VIGIL_POUCHDB_SERVER)");
        VigilProcess.stopShared();
        int couchPort = VigilProcess.freePort();
        Path data = Files.createTempDirectory("vigil-couch-outage");
        String couchUrl = "http://127.0.0.1:" + couchPort;
        Process couch = startCouch(server, couchPort, data);
        VigilProcess vigil = VigilProcess.dedicated(
                "couch-outage",
                Map.of("VIGIL_COUCHDB_URL", couchUrl, "VIGIL_COUCHDB_DATABASE", "vigil-patterns-outage"));
        try {
            vigil.start();
            assertThat(decide(vigil, "a", "1500.00").path("decision").asText()).isEqualTo("review");

            couch.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            JsonNode whileDown = decide(vigil, "b", "1500.00");
            assertThat(whileDown.path("decision").asText()).isEqualTo("review");
            assertThat(whileDown.path("fallback").asBoolean()).isFalse();
            assertThat(whileDown.path("reasons").get(0).path("patternId").asText())
                    .isEqualTo("p-high-amount");
            assertThat(JSON.readTree(vigil.get("/actuator/health").body())
                            .path("components")
                            .path("couchDb")
                            .path("status")
                            .asText())
                    .isEqualTo("DOWN");
            assertThat(vigil.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

            couch = startCouch(server, couchPort, data);
            String database = couchUrl + "/vigil-patterns-outage";
            Stores.putCouchDocument(database, "p-high-amount", """
                    {"type": "pattern", "name": "High amount", "expression": "tx.amount > 100.0",
                     "effect": "review", "mode": "active", "version": 2}
                    """);
            Stores.putCouchDocument(database, "vigil-pattern-set", "{\"type\": \"pattern-set\", \"version\": 2}");

            int[] attempt = {0};
            eventually(
                    Duration.ofSeconds(30),
                    "the changed pattern to be picked up",
                    () -> decide(vigil, "c" + attempt[0]++, "500.00")
                                    .path("patternSetVersion")
                                    .asLong()
                            == 2);
            assertThat(decide(vigil, "d", "500.00").path("decision").asText()).isEqualTo("review");
        } finally {
            vigil.stop();
            couch.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private JsonNode decide(VigilProcess vigil, String suffix, String amount) throws Exception {
        return JSON.readTree(vigil.post(
                        "/api/v1/transactions",
                        TransactionFlowIT.transaction("outage-" + run + "-" + suffix, amount, ""))
                .body());
    }

    private static Process startCouch(String server, int port, Path data) throws Exception {
        if (!Stores.COUCHDB_USER.isEmpty()) {
            // the same admin as the pouchdb-server of ./vigil: Vigil connects with its credentials
            Files.writeString(
                    data.resolve("config.json"),
                    "{\"admins\": {\"" + Stores.COUCHDB_USER + "\": \"" + Stores.COUCHDB_PASSWORD + "\"}}");
        }
        Process p = new ProcessBuilder(
                        "node",
                        server,
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--dir",
                        data.toString(),
                        "--config",
                        data.resolve("config.json").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        Path.of("target", "pouchdb-outage.log").toFile()))
                .start();
        eventually(Duration.ofSeconds(30), "pouchdb-server on port " + port, () -> {
            try {
                return Stores.get("http://127.0.0.1:" + port + "/").contains("Welcome");
            } catch (java.io.IOException notYet) {
                return false;
            }
        });
        return p;
    }
}
