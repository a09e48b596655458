package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Allow and block lists kept in CouchDB beside the patterns decide on the real path. */
class ListsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBlockListedCardIsDeclinedAndAnAllowListedEmailApproved() throws Exception {
        VigilProcess vigil = VigilProcess.shared();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Stores.putCouchDocument("list-block-card-" + run, """
                {"type": "list-entry", "list": "block", "kind": "card", "value": "card-stolen-%s",
                 "reason": "reported stolen"}
                """.formatted(run));
        Stores.putCouchDocument("list-allow-email-" + run, """
                {"type": "list-entry", "list": "allow", "kind": "email", "value": "vip-%s@example.com",
                 "expiresAt": "2099-01-01T00:00:00Z"}
                """.formatted(run));
        long version = System.currentTimeMillis();
        Stores.putCouchDocument("vigil-pattern-set", "{\"type\": \"pattern-set\", \"version\": " + version + "}");

        String blocked = body("lists-" + run + "-blocked", "10.00", "card-stolen-" + run, "ann@example.com");
        JsonNode[] decision = new JsonNode[1];
        eventually(Duration.ofSeconds(20), "the new lists", () -> {
            decision[0] = JSON.readTree(
                    vigil.post("/api/v1/transactions", blocked.replace("blocked", "b" + System.nanoTime()))
                            .body());
            return decision[0].path("patternSetVersion").asLong() == version;
        });
        assertThat(decision[0].path("decision").asText()).isEqualTo("decline");
        assertThat(decision[0].path("listHits").get(0).path("list").asText()).isEqualTo("block");
        assertThat(decision[0].path("listHits").get(0).path("kind").asText()).isEqualTo("card");

        // 1500 would go to review by the seeded pattern; the allow list approves it
        JsonNode vip = JSON.readTree(vigil.post(
                        "/api/v1/transactions",
                        body("lists-" + run + "-vip", "1500.00", "card-ok-" + run, "VIP-" + run + "@example.com"))
                .body());
        assertThat(vip.path("decision").asText()).isEqualTo("approve");
        assertThat(vip.path("reasons").get(0).path("patternId").asText()).isEqualTo("p-high-amount");
        assertThat(vip.path("listHits").get(0).path("list").asText()).isEqualTo("allow");
    }

    private static String body(String id, String amount, String card, String email) {
        return """
                {"id": "%s", "timestamp": "2026-11-23T10:15:30Z", "amount": %s, "currency": "EUR",
                 "merchantId": "m-42", "cardFingerprint": "%s", "email": "%s"}
                """.formatted(id, amount, card, email);
    }
}
