package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Signing in to the console and what each role may do there, in a real browser: a refused sign-in says so; a user the
 * admin creates on the users page signs in with the one-time password shown there once and must change it before the
 * console opens; a request without the page's CSRF token changes nothing; an admin's API key works until it is
 * revoked on the keys page, and is refused within a second after (the audit trail names who revoked it); a viewer
 * sees no action and a request the viewer forges from their own page is refused; an operator acknowledges a live
 * alert. Each page is saved under {@code target/screenshots/SignInBrowserIT}, and no page may log an error the test
 * did not expect.
 *
 * <p>The journeys run in this order so that the live alert, which takes up to about a minute, is raised while the
 * first three run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ALERT_MONITOR = "signin-" + RUN;
    private static final String ALERT_MERCHANT = "m-signin-" + RUN;
    private static final String ROLE_REFUSED = "Your role may not do this, so nothing was changed.";

    @RegisterExtension
    static final Browser browser = new Browser(VigilProcess::shared);

    private static VigilProcess vigil;
    private static CompletableFuture<Void> alertTraffic;

    @BeforeAll
    static void startTheAlertAndSignTheAdminIn() throws Exception {
        vigil = browser.vigil();
        vigil.console(); // the admin's first password is changed, once per Vigil
        LiveAlerts.createMonitor(vigil, ALERT_MONITOR);
        alertTraffic = CompletableFuture.runAsync(() -> {
            try {
                LiveAlerts.sendBaselineAndDrop(vigil, RUN, List.of(ALERT_MERCHANT));
            } catch (Exception e) {
                throw new IllegalStateException("the alert's traffic was not sent", e);
            }
        });
    }

    @Test
    @Order(1)
    void aNewUserMustChangeTheOneTimePasswordShownOnceBeforeTheConsoleOpens() {
        String username = "signin-" + RUN + "-nina";
        String chosen = "nina's own browser password " + RUN;

        browser.signIn("admin", "not the admin's password");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.find("#sign-in-problem").getText()).isEqualTo("The username or the password is not right.");

        browser.signIn("admin", ConsoleSession.ADMIN_PASSWORD);
        browser.click("Users");
        browser.fill("username", username);
        browser.fill("displayName", "Nina Browser");
        browser.selectIn("#new-user", "role", "operator");
        browser.click(browser.find("#new-user"), "Create user");
        String oneTime = browser.awaitText("#users .one-time-password", username)
                .findElement(By.id("one-time-password"))
                .getText();
        assertThat(browser.awaitText("#user-list tr", username).getText())
                .contains("Nina Browser", "operator", "one-time password", "never");
        browser.screenshot("user-created");
        browser.open("/users");
        assertThat(browser.driver().getPageSource())
                .as("the one-time password is shown only once")
                .doesNotContain(oneTime);

        browser.signIn(username, oneTime);
        assertThat(browser.path()).isEqualTo("/account/password");
        assertThat(browser.find("#must-change").getText()).contains("one-time password");
        browser.open("/monitors");
        assertThat(browser.path())
                .as("every page leads to the change of password first")
                .isEqualTo("/account/password");

        browser.find("#current-password").sendKeys(oneTime);
        browser.find("#new-password").sendKeys(chosen);
        browser.find("#confirmation").sendKeys(chosen);
        browser.clickCss("#change-password-button");
        assertThat(browser.path()).isEqualTo("/account/password?changed=true");
        assertThat(browser.find("#password-changed").getText()).contains("Your password is changed");
        assertThat(browser.findAll("#must-change")).isEmpty();

        browser.click("Go on to live traffic");
        assertThat(browser.find("h1").getText()).isEqualTo("Live traffic");
        assertThat(browser.find(".signed-in-user").getText()).isEqualTo(username);
        assertThat(browser.findAll("header nav a"))
                .extracting(WebElement::getText)
                .contains("Monitors", "Alerts")
                .doesNotContain("Users", "API keys", "Audit");

        browser.clickCss("#sign-out");
        assertThat(browser.find("#sign-in-notice").getText()).isEqualTo("You are signed out.");
        browser.signIn(username, oneTime);
        assertThat(browser.find("#sign-in-problem").getText())
                .as("the one-time password is spent")
                .isEqualTo("The username or the password is not right.");
        browser.signIn(username, chosen);
        assertThat(browser.path()).isEqualTo("/");
    }

    @Test
    @Order(2)
    void aPostWithoutTheCsrfTokenOfThePageChangesNothing() throws Exception {
        String monitor = "csrf-" + RUN; // not named like the alert's monitor, whose rows the later journeys look for
        LiveAlerts.createMonitor(vigil, monitor);
        browser.signIn("admin", ConsoleSession.ADMIN_PASSWORD);
        browser.open("/monitors");
        browser.awaitText("#monitor-list tr", "Count " + monitor);

        Browser.Answer refused = browser.post("/monitors/" + monitor + "/pause", "", false);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("the page it came from is out of date", "Nothing was changed");
        assertThat(monitorStatus(monitor)).isEqualTo("active");

        browser.submit("/monitors/" + monitor + "/pause", Map.of());
        assertThat(browser.find("main").getText()).contains("the page it came from is out of date");
        assertThat(monitorStatus(monitor)).isEqualTo("active");
        assertThat(browser.takeConsoleErrors())
                .as("the two refusals, and nothing else")
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.message()).contains("403"));

        browser.open("/monitors");
        Browser.Answer accepted = browser.post("/monitors/" + monitor + "/pause", "", true);
        assertThat(accepted.status()).as("the same post with the token").isEqualTo(200);
        assertThat(monitorStatus(monitor)).isEqualTo("paused");
    }

    @Test
    @Order(3)
    void anApiKeyCreatedOnTheKeysPageWorksUntilItIsRevokedThereAndWithinASecondAfter() throws Exception {
        String name = "signin-" + RUN + "-checkout";
        browser.signIn("admin", ConsoleSession.ADMIN_PASSWORD);
        browser.click("API keys");
        browser.fill("name", name);
        browser.click(browser.find("form[hx-post='/keys']"), "Create key");
        String key = browser.awaitText("#keys .created-key", name)
                .findElement(By.id("new-key"))
                .getText();
        assertThat(key).matches("vgl_[a-z0-9]{8}_[A-Za-z0-9]{40}");
        assertThat(browser.awaitText("#key-list tr", name).getText())
                .contains(key.substring(0, 12) + "_…", "submit, read, manage", "active")
                .doesNotContain(key);
        browser.screenshot("key-created");

        HttpResponse<String> used = vigil.send(vigil.request("/api/v1/monitors"), key);
        assertThat(used.statusCode()).as(used.body()).isEqualTo(200);
        assertThat(used.body()).contains(ALERT_MONITOR);

        browser.open("/keys");
        assertThat(browser.driver().getPageSource())
                .as("the key is shown only once")
                .doesNotContain(key);
        String keyId = browser.awaitText("#key-list tr", name).getDomAttribute("data-key-id");
        Browser.Confirmed revoke = browser.confirmIn("#key-list tr", name, "Revoke");
        assertThat(revoke.question()).contains("Revoke this key?");
        HttpResponse<String> refused = vigil.send(vigil.request("/api/v1/monitors"), key);
        while (refused.statusCode() == 200 && System.nanoTime() - revoke.acceptedAt() < 2_000_000_000L) {
            Thread.sleep(20);
            refused = vigil.send(vigil.request("/api/v1/monitors"), key);
        }
        Duration toRefusal = Duration.ofNanos(System.nanoTime() - revoke.acceptedAt());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(toRefusal).as("from the admin's OK to the first 401").isLessThan(Duration.ofSeconds(1));
        assertThat(refused.body()).contains("/problems/unauthorized").doesNotContain(ALERT_MONITOR);
        assertThat(browser.awaitText("#keys .notice", "Revoked").getText())
                .contains("every node refuses the key within a second");
        assertThat(browser.findAll("#key-list tr"))
                .extracting(WebElement::getText)
                .noneMatch(row -> row.contains(name));
        browser.screenshot("key-revoked");

        browser.click("Show revoked keys too");
        assertThat(browser.awaitText("#key-list tr", name).getText()).contains("revoked");

        browser.click("Audit");
        browser.fill("target", keyId);
        browser.await("the audit trail filtered to the key", () -> {
            List<WebElement> rows = browser.findAll("#audit-entries tbody tr");
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.getText().contains(keyId));
        });
        assertThat(browser.findAll("#audit-entries tbody tr"))
                .singleElement()
                .extracting(WebElement::getText)
                .asString()
                .contains("admin", "RevokeApiKeyCommand", keyId, "success");
        browser.screenshot("audit-of-the-key");
    }

    @Test
    @Order(4)
    void aViewerSeesNoActionAndWhatTheViewerForgesIsRefused() throws Exception {
        String alertId = awaitTheAlert();
        signInAsANew("viewer");

        browser.open("/monitors");
        WebElement row = browser.awaitText("#monitor-list tr", "Count " + ALERT_MONITOR, "active");
        assertThat(row.findElements(By.tagName("button")))
                .extracting(WebElement::getText)
                .containsExactly("Backtest 7 days");
        assertThat(browser.findAll("#new-monitor"))
                .as("no form to create a monitor")
                .isEmpty();
        assertThat(browser.findAll("main button"))
                .extracting(WebElement::getText)
                .isNotEmpty()
                .doesNotContain("Create monitor", "Pause", "Resume", "Delete");

        showTheAlert();
        assertThat(browser.awaitText("#alert-list tr", "Count " + ALERT_MONITOR, "firing")
                        .findElements(By.cssSelector("button, form")))
                .as("no action on the alert")
                .isEmpty();
        assertThat(browser.findAll("main button, main form[method='post']"))
                .as("no action on any alert")
                .isEmpty();
        browser.screenshot("viewer-alerts");

        Browser.Answer acknowledge = browser.post("/alerts/acknowledge", "alertId=" + alertId, true);
        assertThat(acknowledge.status()).isEqualTo(403);
        assertThat(acknowledge.body()).contains(ROLE_REFUSED);
        Browser.Answer pause = browser.post("/monitors/" + ALERT_MONITOR + "/pause", "", true);
        assertThat(pause.status()).isEqualTo(403);
        assertThat(pause.body()).contains(ROLE_REFUSED);
        browser.submit("/alerts/acknowledge", Map.of("alertId", alertId, "_csrf", browser.csrfToken()));
        assertThat(browser.find("main").getText()).contains(ROLE_REFUSED);
        assertThat(browser.takeConsoleErrors())
                .as("the three refusals, and nothing else")
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.message()).contains("403"));

        assertThat(LiveAlerts.alert(vigil, alertId).path("state").asText()).isEqualTo("firing");
        assertThat(monitorStatus(ALERT_MONITOR)).isEqualTo("active");
    }

    @Test
    @Order(5)
    void anOperatorAcknowledgesTheLiveAlert() throws Exception {
        String alertId = awaitTheAlert();
        String username = signInAsANew("operator");

        showTheAlert();
        long page = browser.document();
        browser.clickIn("#alert-list tr", "Count " + ALERT_MONITOR, "Acknowledge");
        WebElement acknowledged = browser.awaitText("#alert-list tr", "Count " + ALERT_MONITOR, "acknowledged");
        assertThat(acknowledged.findElements(By.tagName("button")))
                .extracting(WebElement::getText)
                .contains("Resolve")
                .doesNotContain("Acknowledge");
        browser.screenshot("operator-acknowledged");
        assertThat(browser.document()).as("swapped in place").isEqualTo(page);

        JsonNode alert = LiveAlerts.alert(vigil, alertId);
        assertThat(alert.path("state").asText()).isEqualTo("acknowledged");
        assertThat(alert.path("acknowledgedBy").asText()).isEqualTo(username);
    }

    /** Signs the browser in as a new user of this role, past the one-time password; answers the username. */
    private static String signInAsANew(String role) throws Exception {
        String username = "signin-" + RUN + "-" + role;
        String password = "the browser password of " + username;
        ConsoleSession.newUser(vigil, username, role, password);
        browser.signIn(username, password);
        return username;
    }

    /** The live alert's id, once the evaluation has raised it. */
    private static String awaitTheAlert() throws Exception {
        alertTraffic.get(2, TimeUnit.MINUTES);
        return LiveAlerts.awaitOn(vigil, ALERT_MONITOR, ALERT_MERCHANT);
    }

    /**
     * The alerts page, filtered to the live alert's merchant; its row is the one with the monitor's name. Other tests'
     * monitors by merchant, in the same Vigil, may raise alerts on the merchant too, and this monitor on theirs (a
     * merchant whose traffic stopped minutes ago deviates from its recent baseline).
     */
    private static void showTheAlert() {
        browser.open("/alerts");
        browser.fill("q", ALERT_MERCHANT);
        browser.await("the alerts filtered to " + ALERT_MERCHANT, () -> {
            List<WebElement> rows = browser.findAll("#alert-list tbody tr");
            return rows.stream().allMatch(r -> r.getText().contains(ALERT_MERCHANT))
                    && rows.stream().anyMatch(r -> r.getText().contains("Count " + ALERT_MONITOR));
        });
    }

    /** The monitor's status as the API tells it. */
    private static String monitorStatus(String monitorId) throws Exception {
        HttpResponse<String> monitor = vigil.get("/api/v1/monitors/" + monitorId);
        assertThat(monitor.statusCode()).as(monitor.body()).isEqualTo(200);
        return JSON.readTree(monitor.body()).path("status").asText();
    }
}
