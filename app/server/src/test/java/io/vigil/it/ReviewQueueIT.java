package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The review queue on the real stores: a transaction decided {@code review} enters the queue, filtered and ordered; an
 * analyst claims it and others cannot work it until the claim expires; it is reviewed once, with a reason, and the
 * review is its final decision on {@code GET} and its label, unless the client reported one.
 */
class ReviewQueueIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** The merchant of the queue test's transactions, so that its queue holds only them. */
    private static final String MERCHANT = "m-rq-" + RUN;
    /** The merchant of the other tests' transactions. */
    private static final String OTHER_MERCHANT = "m-rq-other-" + RUN;

    private static VigilProcess vigil;
    private static String otherKey;
    private static String localName;

    @BeforeAll
    static void startVigil() throws Exception {
        vigil = VigilProcess.shared();
        HttpResponse<String> created = vigil.post(
                "/api/v1/api-keys", "{\"name\": \"it-reviewer-" + RUN + "\", \"scopes\": [\"manage\", \"read\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        otherKey = JSON.readTree(created.body()).path("key").asText();
        localName = JSON.readTree(vigil.get("/api/v1/api-keys/current").body())
                .path("name")
                .asText();
        eventually(
                Duration.ofSeconds(10),
                "the reviewer's key to be known",
                () -> call("GET", "/api/v1/reviews", otherKey, null).statusCode() == 200);
    }

    private static String submit(String id, String amount) throws Exception {
        return submit(id, amount, OTHER_MERCHANT);
    }

    private static String submit(String id, String amount, String merchant) throws Exception {
        HttpResponse<String> response = vigil.post("/api/v1/transactions", """
                {"id": "%s", "timestamp": "2026-11-23T10:15:30Z", "amount": %s, "currency": "EUR",
                 "merchantId": "%s", "customerId": "c-rq", "cardFingerprint": "card-rq", "country": "SE"}
                """.formatted(id, amount, merchant));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("decision").asText();
    }

    private static HttpResponse<String> call(String method, String path, String key, String json) throws Exception {
        HttpRequest.Builder request = vigil.request(path);
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return vigil.send(request, key);
    }

    private static HttpResponse<String> decide(String id, String key, String finalDecision, String reason)
            throws Exception {
        return call(
                "POST",
                "/api/v1/reviews/" + id + "/decision",
                key,
                "{\"finalDecision\": \"%s\", \"reason\": \"%s\"}".formatted(finalDecision, reason));
    }

    private static JsonNode queue(String query) throws Exception {
        HttpResponse<String> response = vigil.get("/api/v1/reviews?merchantId=" + MERCHANT + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("transactionId").asText()));
        return ids;
    }

    private static JsonNode transaction(String id) throws Exception {
        return JSON.readTree(vigil.get("/api/v1/transactions/" + id).body());
    }

    private static void expireClaim(String id) throws Exception {
        try (Connection c = DriverManager.getConnection(Stores.DB_URL, Stores.DB_USER, Stores.DB_PASSWORD);
                PreparedStatement update =
                        c.prepareStatement("UPDATE review_queue SET claim_expires_at = now() - interval '1 second'"
                                + " WHERE transaction_id = ?")) {
            update.setString(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aReviewIsQueuedFilteredClaimedDecidedOnceAndIsTheFinalDecision() throws Exception {
        String first = "rq-" + RUN + "-1";
        String second = "rq-" + RUN + "-2";
        String approved = "rq-" + RUN + "-ok";
        assertThat(submit(first, "1500.00", MERCHANT)).isEqualTo("review");
        assertThat(submit(second, "2500.00", MERCHANT)).isEqualTo("review");
        assertThat(submit(approved, "10.00", MERCHANT)).isEqualTo("approve");

        // the queue: both, oldest first; the amount and pattern filters; pages
        eventually(
                Duration.ofSeconds(20),
                "both reviews in the queue",
                () -> queue("").path("total").asLong() == 2);
        assertThat(ids(queue(""))).containsExactly(first, second);
        assertThat(ids(queue("&minAmount=2000"))).containsExactly(second);
        assertThat(ids(queue("&maxAmount=2000"))).containsExactly(first);
        assertThat(ids(queue("&patternId=p-high-amount"))).containsExactly(first, second);
        assertThat(queue("&patternId=p-nothing-" + RUN).path("total").asLong()).isZero();
        JsonNode secondPage = queue("&size=1&page=1");
        assertThat(ids(secondPage)).containsExactly(second);
        assertThat(secondPage.path("total").asLong()).isEqualTo(2);
        JsonNode item = queue("").path("items").get(0);
        assertThat(item.path("amount").decimalValue()).isEqualByComparingTo("1500");
        assertThat(item.path("patternIds").get(0).asText()).isEqualTo("p-high-amount");
        assertThat(item.path("claimedBy").isNull()).isTrue();

        // pending on GET; other decisions are their own final decision
        JsonNode pending = transaction(first);
        assertThat(pending.path("review").path("status").asText()).isEqualTo("pending");
        assertThat(pending.path("review").path("reviewedAt").isNull()).isTrue();
        assertThat(pending.path("finalDecision").isNull()).isTrue();
        JsonNode other = transaction(approved);
        assertThat(other.has("review")).isFalse();
        assertThat(other.path("finalDecision").asText()).isEqualTo("approve");

        // claimed by one, the other sees who and can neither claim nor decide
        HttpResponse<String> claim = call("POST", "/api/v1/reviews/" + first + "/claim", VigilProcess.LOCAL_KEY, null);
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(200);
        // the claimant through the API is the key, by its name
        String claimant = JSON.readTree(claim.body()).path("claimedBy").asText();
        assertThat(claimant).contains(localName);
        assertThat(queue("").path("items").get(0).path("claimedBy").asText()).isEqualTo(claimant);
        HttpResponse<String> taken = call("POST", "/api/v1/reviews/" + first + "/claim", otherKey, null);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(taken.body()).path("type").asText()).isEqualTo("/problems/review-claimed");
        HttpResponse<String> decidedByOther = decide(first, otherKey, "decline", "not mine to decide");
        assertThat(decidedByOther.statusCode()).isEqualTo(409);
        assertThat(Stores.eventTypes(first)).hasSize(2);

        // the claim expires: the other claims it
        expireClaim(first);
        assertThat(transactionClaimedBy(first)).isNull();
        HttpResponse<String> reclaimed = call("POST", "/api/v1/reviews/" + first + "/claim", otherKey, null);
        assertThat(reclaimed.statusCode()).as(reclaimed.body()).isEqualTo(200);
        assertThat(JSON.readTree(reclaimed.body()).path("claimedBy").asText()).contains("it-reviewer-" + RUN);

        // a reason is required
        HttpResponse<String> noReason =
                call("POST", "/api/v1/reviews/" + first + "/decision", otherKey, "{\"finalDecision\": \"decline\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("reason");

        // declined with a reason: once
        HttpResponse<String> declined = decide(first, otherKey, "decline", "card reported stolen");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(JSON.readTree(declined.body()).path("review").path("status").asText())
                .isEqualTo("declined");
        HttpResponse<String> again = decide(first, otherKey, "approve", "second thoughts");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("type").asText()).isEqualTo("/problems/review-rejected");
        assertThat(Stores.eventTypes(first))
                .containsExactly("TransactionRecordedEvent", "TransactionDecidedEvent", "TransactionReviewedEvent");

        // out of the queue at once; the final decision and the label on GET
        assertThat(ids(queue(""))).containsExactly(second);
        JsonNode reviewed = transaction(first);
        assertThat(reviewed.path("decision").asText()).isEqualTo("review");
        assertThat(reviewed.path("review").path("status").asText()).isEqualTo("declined");
        assertThat(reviewed.path("review").path("reason").asText()).isEqualTo("card reported stolen");
        assertThat(reviewed.path("review").path("reviewedAt").asText()).isNotBlank();
        assertThat(reviewed.path("finalDecision").asText()).isEqualTo("decline");
        assertThat(reviewed.path("outcome").path("outcome").asText()).isEqualTo("confirmed_fraud");
        assertThat(reviewed.path("outcome").path("source").asText()).isEqualTo("review");

        // only a review can be reviewed
        HttpResponse<String> notAReview = decide(approved, otherKey, "decline", "looks odd");
        assertThat(notAReview.statusCode()).isEqualTo(409);
        assertThat(call(
                                "POST",
                                "/api/v1/reviews/rq-" + RUN + "-none/decision",
                                otherKey,
                                "{\"finalDecision\":" + " \"decline\", \"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aReviewDoesNotOverwriteTheClientsChargeback() throws Exception {
        String id = "rq-" + RUN + "-cb";
        assertThat(submit(id, "1800.00")).isEqualTo("review");
        HttpResponse<String> chargeback = vigil.post(
                "/api/v1/transactions/" + id + "/outcome", "{\"outcome\": \"chargeback\", \"note\": \"issuer\"}");
        assertThat(chargeback.statusCode()).isEqualTo(202);

        HttpResponse<String> approve = decide(id, VigilProcess.LOCAL_KEY, "approve", "customer called");
        assertThat(approve.statusCode()).as(approve.body()).isEqualTo(200);

        JsonNode read = transaction(id);
        assertThat(read.path("finalDecision").asText()).isEqualTo("approve");
        assertThat(read.path("outcome").path("outcome").asText()).isEqualTo("chargeback");
        assertThat(read.path("outcome").path("source").asText()).isEqualTo("client");
        assertThat(read.path("outcomes")).hasSize(2);
        assertThat(read.path("outcomes").get(1).path("outcome").asText()).isEqualTo("confirmed_legitimate");
        assertThat(read.path("outcomes").get(1).path("source").asText()).isEqualTo("review");

        // and a client's report after a review is not a conflict with it
        String later = "rq-" + RUN + "-later";
        assertThat(submit(later, "1900.00")).isEqualTo("review");
        decide(later, VigilProcess.LOCAL_KEY, "decline", "mule account");
        HttpResponse<String> legit =
                vigil.post("/api/v1/transactions/" + later + "/outcome", "{\"outcome\": \"confirmed_legitimate\"}");
        assertThat(legit.statusCode()).as(legit.body()).isEqualTo(202);
        assertThat(transaction(later).path("outcome").path("outcome").asText()).isEqualTo("confirmed_legitimate");
    }

    @Test
    void theQueuesSizeAndOldestAgeAreMetrics() throws Exception {
        assertThat(submit("rq-" + RUN + "-m", "1600.00")).isEqualTo("review");
        eventually(Duration.ofSeconds(20), "the queue gauges to count it", () -> {
            String metrics = vigil.get("/actuator/prometheus").body();
            return gauge(metrics, "vigil_review_queue_size") >= 1
                    && gauge(metrics, "vigil_review_queue_oldest_seconds") > 0;
        });
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    private static String transactionClaimedBy(String id) throws Exception {
        JsonNode item = JSON.readTree(vigil.get("/api/v1/reviews/" + id).body());
        return item.path("claimedBy").isNull() ? null : item.path("claimedBy").asText();
    }
}
