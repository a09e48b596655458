package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Velocity features on the real path: committed transactions feed the next decision's features. */
class VelocityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PATTERN = "p-velocity-" + RUN;
    private static VigilProcess vigil;

    @BeforeAll
    static void publishAVelocityPattern() throws Exception {
        vigil = VigilProcess.shared();
        Stores.putCouchDocument(PATTERN, """
                {"type": "pattern", "name": "Card velocity", "description": "written by VelocityIT",
                 "expression": "tx.attributes['velocity_run'] == '%s' && features.card.count_5m >= 3",
                 "effect": "decline", "mode": "active", "version": 1}
                """.formatted(RUN));
        long version = System.currentTimeMillis();
        Stores.putCouchDocument("vigil-pattern-set", "{\"type\": \"pattern-set\", \"version\": " + version + "}");
        int[] probe = {0};
        eventually(
                Duration.ofSeconds(20),
                "scoring to pick up pattern set " + version,
                () -> JSON.readTree(vigil.post(
                                                "/api/v1/transactions",
                                                TransactionFlowIT.transaction(
                                                        "velocity-" + RUN + "-probe" + probe[0]++, "5.00", ""))
                                        .body())
                                .path("patternSetVersion")
                                .asLong()
                        == version);
    }

    @AfterAll
    static void switchThePatternOff() throws Exception {
        Stores.putCouchDocument(PATTERN, """
                {"type": "pattern", "name": "Card velocity", "expression": "false", "effect": "decline",
                 "mode": "off", "version": 2}
                """);
        Stores.putCouchDocument(
                "vigil-pattern-set", "{\"type\": \"pattern-set\", \"version\": " + System.currentTimeMillis() + "}");
    }

    @Test
    void sixTransactionsOnOneCardWithinTwoMinutesTripTheVelocityPatternFromTheFourth() throws Exception {
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        String card = "card-" + RUN;
        for (int i = 0; i < 6; i++) {
            String id = "velocity-" + RUN + "-" + i;
            String body = """
                    {"id": "%s", "timestamp": "%s", "amount": 25.00, "currency": "EUR", "merchantId": "m-7",
                     "customerId": "c-%s-%d", "cardFingerprint": "%s", "country": "SE",
                     "attributes": {"velocity_run": "%s"}}
                    """.formatted(id, start.plusSeconds(20L * i), RUN, i, card, RUN);

            JsonNode decision =
                    JSON.readTree(vigil.post("/api/v1/transactions", body).body());

            if (i < 3) {
                assertThat(decision.path("decision").asText())
                        .as("transaction %d", i + 1)
                        .isEqualTo("approve");
            } else {
                assertThat(decision.path("decision").asText())
                        .as("transaction %d", i + 1)
                        .isEqualTo("decline");
                JsonNode reason = decision.path("reasons").get(0);
                assertThat(reason.path("patternId").asText()).isEqualTo(PATTERN);
                assertThat(reason.path("features")
                                .path("features.card.count_5m")
                                .asLong())
                        .isEqualTo(i);
                JsonNode stored =
                        JSON.readTree(vigil.get("/api/v1/transactions/" + id).body());
                assertThat(stored.path("features")
                                .path("features.card.count_5m")
                                .asLong())
                        .isEqualTo(i);
                assertThat(stored.path("reasons").get(0).path("patternId").asText())
                        .isEqualTo(PATTERN);
            }
        }
    }

    @Test
    void aTransactionDatedADayAheadDoesNotBlindTheCardsPresentVelocity() throws Exception {
        // before the feature store clamped event time to the clock, the transaction dated 23 h ahead moved the card's
        // windows a day forward: the present transactions fell out of them, read as zero and were all approved
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String card = "card-ahead-" + RUN;
        JsonNode ahead = JSON.readTree(vigil.post(
                        "/api/v1/transactions", cardTransaction("ahead", now.plus(23, ChronoUnit.HOURS), card))
                .body());
        assertThat(ahead.path("decision").asText()).isEqualTo("approve");

        for (int i = 0; i < 3; i++) {
            JsonNode decision = JSON.readTree(
                    vigil.post("/api/v1/transactions", cardTransaction("present-" + i, now.plusSeconds(i), card))
                            .body());

            // the card's earlier transactions, the one dated ahead included: 1, 2, then 3, which trips the pattern
            if (i < 2) {
                assertThat(decision.path("decision").asText())
                        .as("present transaction %d", i + 1)
                        .isEqualTo("approve");
            } else {
                assertThat(decision.path("decision").asText())
                        .as("present transaction %d", i + 1)
                        .isEqualTo("decline");
                assertThat(decision.path("reasons")
                                .get(0)
                                .path("features")
                                .path("features.card.count_5m")
                                .asLong())
                        .isEqualTo(3);
            }
        }
    }

    private static String cardTransaction(String suffix, Instant at, String card) {
        return """
                {"id": "velocity-%s-%s", "timestamp": "%s", "amount": 25.00, "currency": "EUR", "merchantId": "m-7",
                 "cardFingerprint": "%s", "attributes": {"velocity_run": "%s"}}
                """.formatted(RUN, suffix, at, card, RUN);
    }

    @Test
    void aRepeatedSubmissionDoesNotCountTwice() throws Exception {
        Instant start = Instant.parse("2026-11-23T11:00:00Z");
        String card = "card-repeat-" + RUN;
        String body = """
                {"id": "velocity-%s-repeat", "timestamp": "%s", "amount": 25.00, "currency": "EUR",
                 "merchantId": "m-7", "cardFingerprint": "%s", "attributes": {"velocity_run": "%s"}}
                """.formatted(RUN, start, card, RUN);
        for (int i = 0; i < 5; i++) {
            assertThat(vigil.post("/api/v1/transactions", body).statusCode()).isEqualTo(200);
        }
        String next = """
                {"id": "velocity-%s-after-repeat", "timestamp": "%s", "amount": 25.00, "currency": "EUR",
                 "merchantId": "m-7", "cardFingerprint": "%s", "attributes": {"velocity_run": "%s"}}
                """.formatted(RUN, start.plusSeconds(30), card, RUN);

        JsonNode decision =
                JSON.readTree(vigil.post("/api/v1/transactions", next).body());

        assertThat(decision.path("decision").asText()).isEqualTo("approve"); // one prior transaction, not five
    }
}
