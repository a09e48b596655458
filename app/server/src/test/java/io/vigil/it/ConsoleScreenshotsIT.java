package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.tools.simulator.Simulation;
import io.vigil.tools.simulator.SimulationConfig;
import io.vigil.tools.simulator.TrafficGenerator;
import io.vigil.tools.simulator.TrafficSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * One screenshot of every console page, for docs/console.md: traffic is sent first (approved and reviewed transactions
 * of a merchant of its own and a monitor over them, a drop that the live evaluation raises an alert on, and ten
 * simulated days of labelled traffic that a model is trained on and registered from), then the admin, who may open every page, visits
 * each in turn in a moderate window and the page's first screen is saved. The pictures go under
 * {@code target/screenshots/ConsoleScreenshotsIT} and into {@code docs/images/console/}, to commit. It runs only
 * when asked, with {@code -Dvigil.docs.write=true} (and {@code -Dit.test=ConsoleScreenshotsIT}): it documents, the
 * browser tests test, and it would add two minutes to every run of the suite.
 */
@EnabledIfSystemProperty(named = "vigil.docs.write", matches = "true")
class ConsoleScreenshotsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path DOCS = Path.of("..", "..", "docs", "images", "console");

    @RegisterExtension
    static final Browser browser = new Browser(VigilProcess::shared);

    private final List<String> saved = new ArrayList<>();

    @Test
    void everyConsolePageIsPictured() throws Exception {
        VigilProcess vigil = browser.vigil();
        vigil.console(); // the admin's first password is changed, once per Vigil
        // a real alert, raised by the live evaluation about two minutes from now
        String alertMonitor = "docs-count-" + RUN;
        String alertMerchant = "m-docs-alert-" + RUN;
        LiveAlerts.createMonitor(vigil, alertMonitor);
        Instant minute = LiveAlerts.sendBaseline(vigil, RUN, List.of(alertMerchant));
        CompletableFuture<Void> drop = CompletableFuture.runAsync(() -> {
            try {
                LiveAlerts.sendDrop(vigil, RUN, List.of(alertMerchant), minute);
            } catch (Exception e) {
                throw new IllegalStateException("the alert's traffic was not sent", e);
            }
        });
        // a training run over labelled simulated traffic, registered as a candidate version
        String training = trainAndRegister(vigil);
        // the console's own traffic, and a monitor over it
        String merchant = "m-docs-" + RUN;
        String review = sendTraffic(vigil, merchant);
        String monitor = "docs-" + RUN;
        HttpResponse<String> created = vigil.post("/api/v1/monitors", """
                {"id": "%s", "name": "Authorizations of %s", "metric": "conversion", "operation": "authorization",
                 "dimensions": ["merchant", "country"], "sensitivity": "medium"}
                """.formatted(monitor, merchant));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        eventually(
                Duration.ofSeconds(20),
                "the review in the queue",
                () -> vigil.get("/api/v1/reviews?merchantId=" + merchant).body().contains(review));
        drop.get(3, TimeUnit.MINUTES);
        String alertId = LiveAlerts.awaitOn(vigil, alertMonitor, alertMerchant);

        browser.driver().manage().window().setSize(new Dimension(1280, 860));
        browser.signOut();
        browser.open("/login");
        save("sign-in");
        browser.signIn("admin", ConsoleSession.ADMIN_PASSWORD);
        assertThat(browser.path()).as("the admin is signed in").isEqualTo("/");

        save("live-traffic");
        browser.open("/overview");
        soon(() -> !browser.findAll("figure canvas").isEmpty());
        save("overview");
        browser.open("/transactions?merchantId=" + merchant);
        browser.awaitText("body", review);
        save("search");
        browser.open("/transactions/" + review);
        browser.awaitText("body", review);
        save("transaction");
        browser.open("/reviews?merchant=" + merchant);
        browser.awaitText("body", review);
        save("reviews");

        browser.open("/patterns");
        save("patterns");
        String pattern = firstLink("/patterns/", "/patterns/new");
        if (pattern != null) {
            browser.open(pattern);
            save("pattern-editor");
            browser.open(pattern + "/backtests");
            save("pattern-backtests");
        }
        browser.open("/patterns/new");
        save("pattern-new");
        browser.open("/features");
        save("features");
        browser.open("/lists");
        save("lists");

        browser.open("/models");
        save("models");
        browser.open("/models/trainings/" + training);
        browser.awaitText("#training-registered", "version");
        browser.await(
                "the run's charts",
                () -> browser.findAll(".chart[data-drawn] canvas").size() >= 3);
        Thread.sleep(300); // the charts' entrance animation
        save("model-training");

        browser.open("/monitors");
        browser.awaitText("body", monitor);
        save("monitors");
        browser.open("/monitors/" + monitor + "/series?merchant=" + merchant + "&country=SE");
        soon(() -> !browser.findAll("main canvas").isEmpty());
        save("monitor-series");
        browser.open("/monitors/" + monitor + "/backtest?days=1");
        save("monitor-backtest");
        browser.open("/alerts");
        browser.awaitText("body", alertMerchant);
        save("alerts");
        browser.clickIn("tr[data-alert-id='" + alertId + "']", alertMerchant, "merchant=" + alertMerchant);
        browser.await(
                "the alert's chart",
                () -> !browser.findAll("main svg, main canvas, main img").isEmpty());
        save("alert-series");

        browser.open("/keys");
        save("keys");
        browser.open("/users");
        save("users");
        browser.open("/admin/audit");
        save("audit");
        browser.open("/account/password");
        save("password");
        browser.open("/swagger-ui.html");
        browser.awaitText("body", "/api/v1/transactions");
        save("api-reference");
        assertThat(browser.takeConsoleErrors())
                .as("Swagger UI's bundle tries one inline style, which the policy refuses (docs/access.md)")
                .allSatisfy(e -> assertThat(e.message()).contains("swagger-ui-bundle.js", "style-src 'self'"));

        System.out.println("ConsoleScreenshotsIT: saved " + saved);
        assertThat(saved).hasSizeGreaterThanOrEqualTo(20);
    }

    /**
     * Sends the merchant's traffic of the last few minutes: small approved purchases, and large ones the default
     * high-amount pattern sends to review; answers one reviewed transaction's id.
     */
    private static String sendTraffic(VigilProcess vigil, String merchant) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String[] countries = {"SE", "DE", "NO"};
        String review = null;
        for (int i = 0; i < 40; i++) {
            boolean large = i % 8 == 3;
            String id = "docs-" + RUN + "-" + i;
            HttpResponse<String> sent = vigil.post("/api/v1/transactions", """
                    {"id": "%s", "timestamp": "%s", "amount": %s, "currency": "EUR", "merchantId": "%s",
                     "customerId": "c-docs-%d", "cardFingerprint": "card-docs-%d", "deviceId": "d-docs-%d",
                     "ip": "203.0.113.%d", "email": "buyer%d@example.com", "country": "%s",
                     "paymentMethod": "card", "channel": "web"}
                    """.formatted(
                            id,
                            now.minusSeconds(15L * (40 - i)),
                            large ? "1500.00" : (10 + i * 3) + ".50",
                            merchant,
                            i % 12,
                            i % 15,
                            i % 9,
                            10 + i % 20,
                            i % 12,
                            countries[i % 3]));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            if (large && review == null && sent.body().contains("\"review\"")) {
                review = id;
            }
        }
        assertThat(review).as("a large purchase decided review").isNotNull();
        return review;
    }

    /**
     * Sends ten simulated days of labelled traffic (dated in 2024 and 2025, at days of its own per run), trains a model
     * of 40 trees on them over the API and registers it; answers the training's id.
     */
    private static String trainAndRegister(VigilProcess vigil) throws Exception {
        LocalDate day = LocalDate.parse("2024-01-01").plusDays(System.currentTimeMillis() / 60_000 % 600);
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Simulation simulation = TrafficGenerator.generate(SimulationConfig.defaults(from)
                .withSeed(System.currentTimeMillis() % 1000)
                .withDuration(Duration.ofDays(10))
                .withPeakRate(0.01)
                .withMerchants(10)
                .withCustomers(800)
                .withFraudShare(0.05)
                .withIncidents(0));
        TrafficSender.Report sent = ModelTrainingIT.send(vigil, simulation, from);
        assertThat(sent.failed()).as("requests that failed: %s", sent).isZero();
        HttpResponse<String> accepted =
                vigil.post("/api/v1/models/trainings", """
                {"from": "%s", "to": "%s", "trees": 40, "labelTime": "stated"}
                """.formatted(from, from.plus(Duration.ofDays(10))));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).path("trainingId").asText();
        eventually(
                Duration.ofMinutes(3),
                "the training to complete",
                () -> JSON.readTree(vigil.get("/api/v1/models/trainings/" + id).body())
                        .path("status")
                        .asText()
                        .equals("completed"));
        HttpResponse<String> registered = vigil.post(
                "/api/v1/models/trainings/" + id + "/register", "{\"comment\": \"the console's screenshots\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return id;
    }

    /** Waits up to 5 s for a picture to be drawn; the page is pictured either way. */
    private static void soon(java.util.function.BooleanSupplier drawn) throws InterruptedException {
        for (int i = 0; i < 50 && !drawn.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(300); // the charts' entrance animation
    }

    /** The first link on the page whose path starts with {@code prefix} (other than {@code except}); null if none. */
    private static String firstLink(String prefix, String except) {
        for (WebElement a : browser.findAll("main a[href]")) {
            String href = a.getAttribute("href");
            String path = href.replaceFirst("^https?://[^/]+", "");
            if (path.startsWith(prefix) && !path.equals(except) && path.length() > prefix.length()) {
                return path.replaceFirst("#.*$", "");
            }
        }
        return null;
    }

    /** Saves the window's first screen under target/screenshots, and into docs/images/console when asked to. */
    private void save(String name) {
        browser.settle();
        assertThat(browser.findAll("nav, #sign-in-button, .swagger-ui"))
                .as("%s is a console page", name)
                .isNotEmpty();
        byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
        try {
            Path target = Path.of("target", "screenshots", "ConsoleScreenshotsIT");
            Files.createDirectories(target);
            Files.write(target.resolve(name + ".png"), png);
            if (Boolean.getBoolean("vigil.docs.write")) {
                Files.createDirectories(DOCS);
                Files.write(DOCS.resolve(name + ".png"), png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        saved.add(name);
    }
}
