package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
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
        PouchDbServer couch = PouchDbServer.forTest("vigil-couch-outage");
        VigilProcess.stopShared();
        String couchUrl = couch.url();
        couch.start();
        VigilProcess vigil = VigilProcess.dedicated(
                "couch-outage",
                Map.of("VIGIL_COUCHDB_URL", couchUrl, "VIGIL_COUCHDB_DATABASE", "vigil-patterns-outage"));
        try {
            vigil.start();
            // a new pattern database gets the default pattern from the lifecycle at start; scoring picks it up
            // through the change feed a moment later
            int[] first = {0};
            eventually(
                    Duration.ofSeconds(10),
                    "the default pattern in scoring",
                    () -> decide(vigil, "a" + first[0]++, "1500.00")
                            .path("decision")
                            .asText()
                            .equals("review"));

            couch.kill();
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

            couch.start();
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
            couch.kill();
        }
    }

    private JsonNode decide(VigilProcess vigil, String suffix, String amount) throws Exception {
        return JSON.readTree(vigil.post(
                        "/api/v1/transactions",
                        TransactionFlowIT.transaction("outage-" + run + "-" + suffix, amount, ""))
                .body());
    }
}
