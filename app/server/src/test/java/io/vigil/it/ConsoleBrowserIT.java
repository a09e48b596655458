package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console in a real browser, signed in as the admin, with data sent through the API: every top-level page opens
 * with what was sent, a monitor made in the form is listed and paused in place (an htmx swap, no reload), a monitor's
 * series opens with its chart, and an alert raised by the live evaluation is acknowledged from the alerts page. No
 * page may log an error to the browser's console. Each page is saved under
 * {@code target/screenshots/ConsoleBrowserIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ALERT_MONITOR = "browser-" + RUN;
    private static final String ALERT_MERCHANT = "m-browser-" + RUN;

    @RegisterExtension
    static final Browser browser = new Browser(VigilProcess::shared);

    /** The traffic that makes the alert journey's alert, under way while the other journeys run (about 2 minutes). */
    private static CompletableFuture<Void> alertTraffic;

    @BeforeAll
    static void signInAndSendData() throws Exception {
        VigilProcess vigil = browser.vigil();
        vigil.console(); // the admin's first password is changed, once per Vigil
        browser.signIn("admin", ConsoleSession.ADMIN_PASSWORD);
        assertThat(browser.path()).as("the admin is signed in").isEqualTo("/");
        LiveAlerts.createMonitor(vigil, ALERT_MONITOR);
        Instant minute = LiveAlerts.sendBaseline(vigil, RUN, List.of(ALERT_MERCHANT));
        alertTraffic = CompletableFuture.runAsync(() -> {
            try {
                LiveAlerts.sendDrop(vigil, RUN, List.of(ALERT_MERCHANT), minute);
            } catch (Exception e) {
                throw new IllegalStateException("the alert's traffic was not sent", e);
            }
        });
        for (String[] t : List.of(
                new String[] {"approve", "42.00"}, new String[] {"review", "1500.00"}, new String[] {"small", "9.90"
                })) {
            HttpResponse<String> decided = vigil.post("/api/v1/transactions", transaction(t[0], t[1]));
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        }
    }

    static String transaction(String name, String amount) {
        return """
                {"id": "browser-%s-%s", "timestamp": "%s", "amount": %s, "currency": "EUR",
                 "merchantId": "m-browser", "customerId": "c-browser", "cardFingerprint": "card-b1", "cardBin": "411111",
                 "deviceId": "d-b1", "ip": "203.0.113.9", "email": "browser@example.com", "country": "SE",
                 "paymentMethod": "card", "channel": "web", "browser": "chrome", "deviceType": "desktop"}
                """.formatted(RUN, name, Instant.now(), amount);
    }

    @Test
    @Order(1)
    void eachTopLevelPageOpensWithWhatWasSent() {
        browser.open("/");
        assertThat(browser.find("h1").getText()).isEqualTo("Live traffic");
        WebElement review = browser.awaitText("#transactions tr", "browser-" + RUN + "-review");
        assertThat(review.getText()).contains("1,500.00 EUR").contains("REVIEW");
        assertThat(browser.awaitText("#transactions tr", "browser-" + RUN + "-approve")
                        .getText())
                .contains("APPROVE");
        browser.screenshot("home-with-transactions");

        browser.click("Monitors");
        assertThat(browser.find("h1").getText()).isEqualTo("Monitors");
        assertThat(browser.awaitText("#monitor-list tr", "Count " + ALERT_MONITOR)
                        .getText())
                .contains("active");
        assertThat(browser.find("header [aria-current]").getText()).isEqualTo("Monitors");

        browser.click("Alerts");
        assertThat(browser.find("h1").getText()).isEqualTo("Alerts");
        assertThat(browser.find("header [aria-current]").getText()).isEqualTo("Alerts");

        browser.click("API");
        browser.awaitText("body", "/api/v1/transactions");
        browser.screenshot("api-reference");
        assertThat(browser.takeConsoleErrors())
                .as("Swagger UI's bundle tries one inline style, which the policy refuses (docs/access.md)")
                .singleElement()
                .satisfies(e -> assertThat(e.message())
                        .contains("swagger-ui-bundle.js", "Applying inline style violates", "style-src 'self'"));
    }

    @Test
    @Order(2)
    void aMonitorCreatedInTheFormIsListedAndPausedInPlace() throws Exception {
        String name = "Browser conversion " + RUN;
        browser.open("/monitors");
        long page = browser.document();
        WebElement heading = browser.find("h1");

        browser.fill("name", name);
        browser.select("metric", "conversion");
        browser.select("operation", "authorization");
        browser.check("dimensions", "merchant");
        browser.check("dimensions", "country");
        browser.click("Create monitor");

        assertThat(browser.awaitText("#monitors .notice", name).getText()).contains("created");
        assertThat(browser.awaitText("#monitor-list tr", name).getText())
                .contains("merchant, country")
                .contains("active");
        browser.screenshot("monitor-created");

        browser.clickIn("#monitor-list tr", name, "Pause");
        assertThat(browser.awaitText("#monitor-list tr", name, "paused").findElements(By.xpath(".//button")))
                .extracting(WebElement::getText)
                .contains("Resume")
                .doesNotContain("Pause");
        browser.screenshot("monitor-paused");
        // swapped by htmx: the same document and the same heading element, no reload
        assertThat(browser.document()).isEqualTo(page);
        assertThat(heading.getText()).isEqualTo("Monitors");
        assertThat(status(name)).isEqualTo("paused");

        browser.clickIn("#monitor-list tr", name, "Resume");
        browser.awaitText("#monitor-list tr", name, "active");
        assertThat(browser.document()).isEqualTo(page);
        assertThat(status(name)).isEqualTo("active");
    }

    @Test
    @Order(3)
    void aMonitorsSeriesOpensFromItsNameWithItsChart() {
        browser.open("/monitors");
        String name = "Count " + ALERT_MONITOR;
        browser.clickIn("#monitor-list tr", name, name);

        assertThat(browser.find("h1").getText()).isEqualTo(name);
        assertThat(browser.find("main .hint").getText()).contains("all series");
        WebElement chart = browser.find("main img");
        assertThat(browser.script("return arguments[0].complete && arguments[0].naturalWidth", chart))
                .as("the chart is loaded")
                .isEqualTo(800L);
    }

    @Test
    @Order(4)
    void anAlertRaisedLiveIsAcknowledgedFromTheAlertsPage() throws Exception {
        alertTraffic.get(2, TimeUnit.MINUTES);
        String alertId = LiveAlerts.awaitOn(browser.vigil(), ALERT_MONITOR, ALERT_MERCHANT);

        browser.open("/alerts");
        long page = browser.document();
        browser.fill("q", ALERT_MERCHANT);
        // other tests' monitors over all merchants may alert on the same merchant, and this monitor on theirs (a
        // merchant whose traffic stopped minutes ago deviates from its recent baseline): filtered to the merchant,
        // the row is this monitor's
        String row = "Count " + ALERT_MONITOR;
        browser.await("the alerts filtered to " + ALERT_MERCHANT, () -> {
            List<WebElement> rows = browser.findAll("#alert-list tbody tr");
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.getText().contains("merchant=" + ALERT_MERCHANT));
        });
        browser.awaitText("#alert-list tr", row, "firing");
        browser.screenshot("alert-firing");

        browser.clickIn("#alert-list tr", row, "Acknowledge");
        WebElement acknowledged = browser.awaitText("#alert-list tr", row, "acknowledged");
        assertThat(acknowledged.findElements(By.xpath(".//button")))
                .extracting(WebElement::getText)
                .contains("Resolve")
                .doesNotContain("Acknowledge");
        browser.screenshot("alert-acknowledged");
        assertThat(browser.document()).isEqualTo(page);
        assertThat(LiveAlerts.alert(browser.vigil(), alertId).path("state").asText())
                .isEqualTo("acknowledged");
    }

    /** The monitor's status as the API tells it. */
    private static String status(String name) throws Exception {
        HttpResponse<String> monitors = browser.vigil().get("/api/v1/monitors");
        assertThat(monitors.statusCode()).as(monitors.body()).isEqualTo(200);
        for (JsonNode monitor : JSON.readTree(monitors.body())) {
            if (monitor.path("name").asText().equals(name)) {
                return monitor.path("status").asText();
            }
        }
        throw new AssertionError("no monitor " + name);
    }

    @Test
    @Order(5)
    void theOverviewUpdatesWithoutReloadingAsDecisionsArrive() throws Exception {
        browser.open("/overview");
        assertThat(browser.find("h1").getText()).isEqualTo("Overview");
        assertThat(browser.find("header [aria-current]").getText()).isEqualTo("Overview");
        WebElement caption = browser.awaitText("#decisions-chart figcaption", "%");
        long before = approvals(caption.getText());
        long page = browser.document();

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> decided =
                    browser.vigil().post("/api/v1/transactions", transaction("overview-" + i, "12.00"));
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        }
        browser.await(
                "the overview's approvals to grow by the 5 sent",
                () -> approvals(browser.find("#decisions-chart figcaption").getText()) >= before + 5);

        assertThat(browser.document())
                .as("updated in place by htmx, not reloaded")
                .isEqualTo(page);
        assertThat(browser.find("#latency").getText()).contains("p99 decision latency on this node");
        assertThat(browser.find("#queue").getText()).contains("waiting for review");
        browser.screenshot("overview");
    }

    /** The approvals of the hour, from the chart's caption ("■ approve 123 (98.0 %) ..."). */
    private static long approvals(String caption) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(?i)approve (\\d+)").matcher(caption);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
