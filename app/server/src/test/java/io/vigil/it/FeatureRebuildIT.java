package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * After a restart the velocity features are what they were: the feature store is rebuilt from the event store
 * (the transactions recorded in the last 25 hours) before Vigil takes requests. A shadow pattern makes the feature
 * values visible without changing any decision.
 */
class FeatureRebuildIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void featuresSurviveARestart() throws Exception {
        VigilProcess.stopShared();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String pattern = "p-observe-" + run;
        VigilProcess vigil = VigilProcess.dedicated("feature-rebuild");
        vigil.start();
        try {
            Stores.putCouchDocument(pattern, """
                    {"type": "pattern", "name": "Observe card velocity", "mode": "shadow", "effect": "decline",
                     "expression": "tx.attributes['observe'] == '%s' && features.card.count_24h >= 0 && features.customer.count_1h >= 0"}
                    """.formatted(run));
            long version = System.currentTimeMillis();
            Stores.putCouchDocument("vigil-pattern-set", "{\"type\": \"pattern-set\", \"version\": " + version + "}");
            Instant start = Instant.parse("2026-11-23T12:00:00Z");
            int[] probe = {0};
            eventually(
                    Duration.ofSeconds(20),
                    "the observing pattern",
                    () -> submit(vigil, run, "probe" + probe[0]++, start.minusSeconds(7200), "card-probe-" + run)
                                    .path("patternSetVersion")
                                    .asLong()
                            == version);

            for (int i = 0; i < 3; i++) {
                submit(vigil, run, "before-" + i, start.plusSeconds(10L * i), "card-" + run);
            }
            vigil.stop();
            vigil.start();
            // decide only once the restarted Vigil has its patterns again (else the answer is the fallback, review):
            // probes of another customer and card, two hours earlier, leave the counts under test alone
            int[] again = {0};
            eventually(
                    Duration.ofSeconds(20),
                    "the observing pattern after the restart",
                    () -> submit(
                                            vigil,
                                            run,
                                            "probe-again" + again[0]++,
                                            start.minusSeconds(7200),
                                            "card-probe-" + run,
                                            "c-probe-" + run)
                                    .path("patternSetVersion")
                                    .asLong()
                            == version);

            JsonNode after = submit(vigil, run, "after", start.plusSeconds(60), "card-" + run);

            assertThat(after.path("decision").asText()).isEqualTo("approve"); // shadow: seen, never deciding
            JsonNode seen = JSON.readTree(vigil.get("/api/v1/transactions/tx-" + run + "-after")
                            .body())
                    .path("shadowHits")
                    .get(0)
                    .path("features");
            assertThat(seen.path("features.card.count_24h").asLong()).isEqualTo(3);
            assertThat(seen.path("features.customer.count_1h").asLong()).isEqualTo(3);
        } finally {
            Stores.putCouchDocument(pattern, """
                    {"type": "pattern", "name": "Observe card velocity", "mode": "off", "effect": "decline",
                     "expression": "false"}
                    """);
            Stores.putCouchDocument(
                    "vigil-pattern-set",
                    "{\"type\": \"pattern-set\", \"version\": " + System.currentTimeMillis() + "}");
            vigil.stop();
        }
    }

    private static JsonNode submit(VigilProcess vigil, String run, String suffix, Instant at, String card)
            throws Exception {
        return submit(vigil, run, suffix, at, card, "c-" + run);
    }

    private static JsonNode submit(
            VigilProcess vigil, String run, String suffix, Instant at, String card, String customer) throws Exception {
        String body = """
                {"id": "tx-%s-%s", "timestamp": "%s", "amount": 12.00, "currency": "EUR", "merchantId": "m-9",
                 "customerId": "%s", "cardFingerprint": "%s", "attributes": {"observe": "%s"}}
                """.formatted(run, suffix, at, customer, card, run);
        return JSON.readTree(vigil.post("/api/v1/transactions", body).body());
    }
}
