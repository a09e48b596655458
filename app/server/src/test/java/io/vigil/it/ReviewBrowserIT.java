package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An analyst works a review in a real browser: finds the transaction in the queue by its merchant, opens it, sees why
 * it was decided review, claims it and declines it with a reason; the client then reads the final decision and
 * receives it at its API key's webhook, signed with the key's secret. A viewer is not offered the review pages. A
 * transaction's page draws its linked entities. Each page is saved under {@code target/screenshots/ReviewBrowserIT}.
 */
class ReviewBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @RegisterExtension
    static final Browser browser = new Browser(VigilProcess::shared);

    private static WebhookReceiver webhook;

    @BeforeAll
    static void startWebhook() throws Exception {
        webhook = new WebhookReceiver();
    }

    @AfterAll
    static void stopWebhook() {
        webhook.close();
    }

    @Test
    void anAnalystClaimsAndDeclinesATransactionFromTheQueue() throws Exception {
        VigilProcess vigil = browser.vigil();
        String analyst = "rev-" + RUN + "-ana";
        String viewer = "rev-" + RUN + "-view";
        String analystPassword = "the analyst's password " + RUN;
        String viewerPassword = "the viewer's password " + RUN;
        ConsoleSession.newUser(vigil, analyst, "analyst", analystPassword);
        ConsoleSession.newUser(vigil, viewer, "viewer", viewerPassword);
        String merchant = "m-rev-" + RUN;
        String id = "rev-browser-" + RUN;
        // the client submits with a key of its own whose webhook receives the final decisions
        HttpResponse<String> created = vigil.post("/api/v1/api-keys", """
                {"name": "rev-browser-%s", "scopes": ["submit", "read"], "webhookUrl": "%s"}
                """.formatted(RUN, webhook.url()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String clientKey = JSON.readTree(created.body()).path("key").asText();
        String secret = JSON.readTree(created.body()).path("webhookSecret").asText();
        String transaction = """
                {"id": "%s", "timestamp": "2026-11-23T10:15:30Z", "amount": 1500.00, "currency": "EUR",
                 "merchantId": "%s", "customerId": "c-rev", "cardFingerprint": "card-rev", "country": "SE"}
                """.formatted(id, merchant);
        HttpResponse<String>[] answer = new HttpResponse[1];
        eventually(Duration.ofSeconds(10), "the client's new key to be known", () -> {
            answer[0] = vigil.send(
                    vigil.request("/api/v1/transactions")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(transaction)),
                    clientKey);
            return answer[0].statusCode() != 401;
        });
        HttpResponse<String> submitted = answer[0];
        assertThat(JSON.readTree(submitted.body()).path("decision").asText()).isEqualTo("review");
        eventually(
                Duration.ofSeconds(20),
                "the transaction in the queue",
                () -> vigil.get("/api/v1/reviews?merchantId=" + merchant).body().contains(id));

        // the analyst finds it in the queue by its merchant
        browser.signIn(analyst, analystPassword);
        browser.click("Reviews");
        browser.fill("merchant", merchant);
        browser.awaitText("#review-queue", id, "p-high-amount");
        browser.screenshot("queue-filtered-by-merchant");

        // opens it: the explanation; claims it
        browser.open("/reviews/" + id);
        browser.awaitText("#reasons", "p-high-amount");
        browser.awaitText("#review-state", "pending");
        browser.click("Claim");
        browser.awaitText("#review-state", "Claimed by", analyst);
        browser.screenshot("claimed");

        // declines it with a reason
        browser.fill("reason", "card reported stolen by the cardholder");
        browser.click("Decline");
        browser.awaitText("#review-state", "declined", "card reported stolen by the cardholder", "Final decision");
        browser.screenshot("declined");

        // the client reads the final decision
        var read = JSON.readTree(vigil.get("/api/v1/transactions/" + id).body());
        assertThat(read.path("finalDecision").asText()).isEqualTo("decline");
        assertThat(read.path("review").path("status").asText()).isEqualTo("declined");
        // and receives it at its webhook, signed with its key's secret
        eventually(
                Duration.ofSeconds(30),
                "the client's webhook",
                () -> webhook.received().stream().anyMatch(r -> r.body().contains(id)));
        WebhookReceiver.Received post = webhook.received().stream()
                .filter(r -> r.body().contains(id))
                .findFirst()
                .orElseThrow();
        assertThat(JSON.readTree(post.body()).path("type").asText()).isEqualTo("transaction.reviewed");
        assertThat(JSON.readTree(post.body()).path("finalDecision").asText()).isEqualTo("decline");
        assertThat(post.signedWith(secret))
                .as("signed with the key's webhook secret")
                .isTrue();

        // a viewer is not offered the review pages
        browser.signIn(viewer, viewerPassword);
        browser.open("/");
        assertThat(browser.findAll("nav a[href='/reviews']")).isEmpty();
        browser.screenshot("viewer-without-reviews");
    }

    @Test
    void aTransactionPageDrawsTheDeviceFarmAroundIt() throws Exception {
        VigilProcess vigil = browser.vigil();
        String run = "g" + RUN;
        DeviceFarmIT.plant(vigil, run);
        String id = "farm-next-" + run;
        DeviceFarmIT.pay(vigil, run, id, Instant.now(), "mule", "fresh-card-0", "d1");
        eventually(
                Duration.ofSeconds(30),
                "the farm in the search tables",
                () -> vigil.console()
                        .get("/transactions/" + id + "/linked")
                        .body()
                        .contains("<strong>8</strong>"));

        String viewer = "rev-" + RUN + "-graph";
        String password = "the graph viewer's password " + RUN;
        ConsoleSession.newUser(vigil, viewer, "viewer", password);
        browser.signIn(viewer, password);
        browser.open("/transactions/" + id);
        browser.awaitText("#linked-summary", "8 linked entities have fraud-labelled transactions");
        browser.await(
                "the graph drawn",
                () -> !browser.findAll(".link-graph[data-drawn] canvas").isEmpty());
        browser.awaitText("#linked-entities tr.fraud", "card0-" + run);
        Thread.sleep(300);
        browser.screenshot("linked-entities");
        browser.darkScheme(true);
        Thread.sleep(300);
        browser.screenshot("linked-entities-in-the-dark-scheme");
        browser.darkScheme(false);
        assertThat(browser.takeConsoleErrors()).isEmpty();
    }
}
