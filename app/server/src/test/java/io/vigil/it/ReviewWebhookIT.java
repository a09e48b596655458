package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's {@code transaction.reviewed} webhook, to a real HTTP receiver on this host: the key that submitted the
 * transaction has a webhook URL; when the review ends, Vigil posts the contract's body with a valid
 * {@code Vigil-Signature}, and posts it again after a 500 until the receiver answers 2xx.
 */
class ReviewWebhookIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static VigilProcess vigil;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        vigil = VigilProcess.shared();
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void aReviewIsPostedSignedToTheSubmittingKeysWebhookAndRetriedUntilAcknowledged() throws Exception {
        String url = receiver.url();
        List<WebhookReceiver.Received> received = receiver.received();
        HttpResponse<String> created = vigil.post("/api/v1/api-keys", """
                {"name": "it-webhook-%s", "scopes": ["submit", "read"], "webhookUrl": "%s"}
                """.formatted(RUN, url));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = JSON.readTree(created.body());
        String secret = key.path("webhookSecret").asText();
        assertThat(secret).startsWith("whsec_");
        String listed = vigil.get("/api/v1/api-keys").body();
        assertThat(listed).as("the secret is shown once").doesNotContain(secret);
        assertThat(listed).as("the URL is listed").contains("\"webhookUrl\":\"" + url + "\"");

        String id = "wh-" + RUN;
        String transaction = """
                {"id": "%s", "timestamp": "2026-11-23T10:15:30Z", "amount": 1500.00, "currency": "EUR",
                 "merchantId": "m-wh-%s"}
                """.formatted(id, RUN);
        HttpResponse<String>[] submitted = new HttpResponse[1];
        eventually(Duration.ofSeconds(10), "the new key to be known", () -> {
            submitted[0] = vigil.send(
                    vigil.request("/api/v1/transactions")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(transaction)),
                    key.path("key").asText());
            return submitted[0].statusCode() != 401;
        });
        assertThat(submitted[0].statusCode()).as(submitted[0].body()).isEqualTo(200);
        assertThat(JSON.readTree(submitted[0].body()).path("decision").asText()).isEqualTo("review");

        receiver.failNext(1);
        HttpResponse<String> reviewed = vigil.post(
                "/api/v1/reviews/" + id + "/decision",
                "{\"finalDecision\": \"decline\", \"reason\": \"card reported stolen\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        String reviewedAt =
                JSON.readTree(reviewed.body()).path("review").path("reviewedAt").asText();

        eventually(Duration.ofSeconds(30), "the webhook, refused once, to be posted again", () -> received.size() >= 2);
        Thread.sleep(1500);
        assertThat(received).as("posted until acknowledged, then no more").hasSize(2);
        for (WebhookReceiver.Received post : received) {
            JsonNode body = JSON.readTree(post.body());
            assertThat(body.path("type").asText()).isEqualTo("transaction.reviewed");
            assertThat(body.path("transactionId").asText()).isEqualTo(id);
            assertThat(body.path("finalDecision").asText()).isEqualTo("decline");
            assertThat(body.path("reviewedAt").asText()).isEqualTo(reviewedAt);
            assertThat(post.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
            assertThat(post.signedWith(secret))
                    .as("the signature checks with the key's secret")
                    .isTrue();
            assertThat(post.signedWith(secret + "x")).as("and with no other").isFalse();
            assertThat(Math.abs(post.timestampSeconds() - post.at() / 1000)).isLessThanOrEqualTo(5);
        }
        assertThat(received.get(1).at() - received.get(0).at())
                .as("the retry waited")
                .isGreaterThanOrEqualTo(900);
    }

    @Test
    void aTransactionSubmittedWithAKeyWithoutWebhookSendsNone() throws Exception {
        List<WebhookReceiver.Received> received = receiver.received();
        int before = received.size();
        String id = "wh-" + RUN + "-none";
        vigil.post("/api/v1/transactions", """
                {"id": "%s", "timestamp": "2026-11-23T10:15:30Z", "amount": 1500.00, "currency": "EUR",
                 "merchantId": "m-wh-%s"}
                """.formatted(id, RUN));
        HttpResponse<String> reviewed = vigil.post(
                "/api/v1/reviews/" + id + "/decision", "{\"finalDecision\": \"approve\", \"reason\": \"fine\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        Thread.sleep(1500);
        assertThat(received.stream().filter(r -> r.body().contains(id)).count()).isZero();
        assertThat(received.size()).isGreaterThanOrEqualTo(before);
    }
}
