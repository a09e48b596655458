package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance of the linked entities: a device farm planted slowly enough that no built-in velocity feature sees it
 * (one payment per device a day, each device cycling through the same ring of cards for three weeks), two of whose
 * cards were later confirmed as fraud. The farm's next payment, a fresh card on one of its devices, is approved by the
 * live patterns; a pattern on {@code features.graph.device_fraud_cards} declines it, and does not touch a customer whose
 * device shares no card with the ring.
 */
class DeviceFarmIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final int DEVICES = 3;
    private static final int CARDS = 6;

    private static VigilProcess vigil;
    private static String author;
    private static String approver;

    @BeforeAll
    static void keys() throws Exception {
        vigil = VigilProcess.shared();
        author = PatternApi.key(vigil, "farm-author-" + RUN);
        approver = PatternApi.key(vigil, "farm-approver-" + RUN);
    }

    @Test
    void theLinkedEntityFeatureDeclinesAPlantedDeviceFarmThatTheBuiltInFeaturesMiss() throws Exception {
        plant(vigil, RUN);
        JsonNode missed = pay(vigil, RUN, "farm-next-" + RUN, Instant.now(), "mule", "fresh-card-0", "d1");
        assertThat(missed.path("decision").asText())
                .as("a fresh card on a farm device: no built-in feature sees the farm")
                .isEqualTo("approve");

        PatternApi.publish(
                vigil,
                author,
                approver,
                "p-farm-" + RUN,
                "'farm_run' in tx.attributes && tx.attributes['farm_run'] == '%s'".formatted(RUN)
                        + " && features.graph.device_fraud_cards >= 2",
                "decline",
                "active");
        int[] attempt = {1};
        JsonNode[] declined = {null};
        eventually(Duration.ofSeconds(30), "the farm's next payment declined by the linked-entity pattern", () -> {
            declined[0] = pay(
                    vigil,
                    RUN,
                    "farm-next-" + RUN + "-" + attempt[0],
                    Instant.now(),
                    "mule",
                    "fresh-card-" + attempt[0]++,
                    "d1");
            return declined[0].path("decision").asText().equals("decline");
        });
        assertThat(declined[0].path("reasons").toString()).contains("p-farm-" + RUN);
        JsonNode stored = JSON.readTree(vigil.get("/api/v1/transactions/"
                        + declined[0].path("transactionId").asText())
                .body());
        assertThat(stored.toString())
                .as("the decision says what the pattern saw")
                .contains("features.graph.device_fraud_cards");

        JsonNode home = pay(vigil, RUN, "home-" + RUN + "-1", Instant.now(), "home", "home-card-1", "home-device");
        assertThat(home.path("decision").asText())
                .as("a device that shares no card with the ring is not touched")
                .isEqualTo("approve");

        // the transaction page's linked entities, from ClickHouse: d1's six cards, customers and e-mails in one hop,
        // the ring's other devices in two; card0 and card5, their customers and e-mails, and d0 and d2 (the devices
        // of the labelled payments) have fraud-labelled transactions
        String[] linked = {""};
        eventually(Duration.ofSeconds(30), "the farm's neighbourhood in the search tables", () -> {
            linked[0] = vigil.console()
                    .get("/transactions/farm-next-" + RUN + "/linked")
                    .body();
            return linked[0].contains("<strong>8</strong> linked");
        });
        assertThat(linked[0])
                .contains("data-entity=\"card:card0-" + RUN + "\"")
                .contains("<tr class=\"fraud\" data-entity=\"device:d0-" + RUN + "\">")
                .doesNotContain("home-device-" + RUN)
                .doesNotContain("larger than shown");
    }

    /**
     * Plants the farm of run {@code run} (the ring's payments over 18 days and its two fraud labels) and a legitimate
     * customer's payment; every payment carries the attribute {@code farm_run}.
     */
    static void plant(VigilProcess vigil, String run) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // the ring: every card is used on every device, one payment per device a day
        int n = 0;
        for (int day = 0; day < CARDS; day++) {
            for (int d = 0; d < DEVICES; d++) {
                int card = (day + 2 * d) % CARDS;
                Instant at = now.minus(Duration.ofDays(20 - day * 3L - d)).plus(Duration.ofHours(d));
                JsonNode decided = pay(vigil, run, "farm-" + run + "-" + n++, at, "c" + card, "card" + card, "d" + d);
                assertThat(decided.path("decision").asText())
                        .as("the farm's planting is slow enough for every built-in pattern")
                        .isEqualTo("approve");
            }
        }
        // a legitimate customer with a device of their own
        pay(vigil, run, "home-" + run + "-0", now.minus(Duration.ofDays(5)), "home", "home-card-0", "home-device");
        // two of the ring's cards confirmed as fraud: card0's payment on d0 (day 0) and card5's on d2 (day 1)
        label(vigil, "farm-" + run + "-0", "confirmed_fraud");
        label(vigil, "farm-" + run + "-5", "chargeback");
    }

    /** A payment of the farm's run; each entity's name ends in the run. */
    static JsonNode pay(
            VigilProcess vigil, String run, String id, Instant at, String customer, String card, String device)
            throws Exception {
        String body = """
                {"id": "%s", "timestamp": "%s", "amount": 35.00, "currency": "EUR", "merchantId": "m-farm-%s",
                 "customerId": "%s-%s", "cardFingerprint": "%s-%s", "cardBin": "411111",
                 "deviceId": "%s-%s", "email": "%s-%s@example.com", "country": "SE",
                 "paymentMethod": "card", "channel": "app", "attributes": {"farm_run": "%s"}}
                """.formatted(id, at, run, customer, run, card, run, device, run, customer, run, run);
        HttpResponse<String> answer = vigil.post("/api/v1/transactions", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static void label(VigilProcess vigil, String id, String outcome) throws Exception {
        HttpResponse<String> answer = vigil.post(
                "/api/v1/transactions/" + id + "/outcome",
                "{\"outcome\": \"%s\", \"timestamp\": \"%s\"}".formatted(outcome, Instant.now()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }
}
