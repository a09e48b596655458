package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.tools.simulator.Simulation;
import io.vigil.tools.simulator.SimulationConfig;
import io.vigil.tools.simulator.TrafficGenerator;
import io.vigil.tools.simulator.TrafficSender;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The risk model's way from a training to the decisions, in a real browser: an analyst starts a training on the
 * model page over two simulated weeks of labelled traffic the test sends, follows its progress, reads its figures
 * beside the patterns alone with the ROC, precision-recall and importance charts drawn, and registers the model as a
 * candidate (the button then gives way to a link to that version, on reload too, and the API refuses the run a second
 * time); an approver approves and promotes it, the page says it is live, and a transaction is then scored with it.
 * Each page is saved under {@code target/screenshots/ModelsBrowserIT}, the completed run in the dark scheme too.
 *
 * <p>The traffic is dated between 2020 and 2023 (ModelTrainingIT's is before 2020), at days of its own per run, so that no other test's transactions fall in its
 * range; the model is rolled back at the end so that no other test decides with it.
 */
class ModelsBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Duration TRAINING = Duration.ofMinutes(3);

    @RegisterExtension
    static final Browser browser = new Browser(VigilProcess::shared);

    @Test
    void anAnalystTrainsAModelThatAnotherUserApprovesAndPutsLive() throws Exception {
        VigilProcess vigil = browser.vigil();
        String analyst = "mod-" + RUN + "-ana";
        String approver = "mod-" + RUN + "-appr";
        String analystPassword = "the analyst's password " + RUN;
        String approverPassword = "the approver's password " + RUN;
        ConsoleSession.newUser(vigil, analyst, "analyst", analystPassword);
        ConsoleSession.newUser(vigil, approver, "approver", approverPassword);

        // two simulated weeks with injected fraud, labelled hours to days later, sent as a back-fill
        LocalDate day = LocalDate.parse("2020-01-01").plusDays(System.currentTimeMillis() / 60_000 % 1200);
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = from.plus(Duration.ofDays(14));
        Simulation simulation = TrafficGenerator.generate(SimulationConfig.defaults(from)
                .withSeed(System.currentTimeMillis() % 1000)
                .withDuration(Duration.ofDays(14))
                .withPeakRate(0.01)
                .withMerchants(10)
                .withCustomers(1000)
                .withFraudShare(0.05)
                .withIncidents(0));
        long started = System.nanoTime();
        TrafficSender.Report sent = ModelTrainingIT.send(vigil, simulation, from);
        assertThat(sent.failed()).as("requests that failed: %s", sent).isZero();
        System.out.printf(
                "ModelsBrowserIT: sent %d transactions and %d outcomes in %.1f s%n",
                sent.transactionsSent(), sent.outcomesSent(), (System.nanoTime() - started) / 1e9);

        try {
            // the analyst starts a training on the model page, and lands on the run's page
            browser.signIn(analyst, analystPassword);
            browser.click("Model");
            browser.fill("from", day.toString());
            browser.fill("to", day.plusDays(14).toString());
            browser.fill("trees", "60");
            browser.select("labelTime", "stated");
            browser.screenshot("training-form");
            browser.click(browser.find("#start-training"), "Start training");
            browser.await("the run's page", () -> browser.path().startsWith("/models/trainings/tr-"));
            String state = browser.find("#training-state").getText();
            System.out.println("ModelsBrowserIT: the run's page first showed: " + state);
            if (state.startsWith("running")) {
                assertThat(browser.findAll("#training-state progress")).hasSize(1);
                assertThat(browser.findAll("#training-cancel")).hasSize(1);
                browser.screenshot("training-in-progress");
            }

            // it polls until the run has completed: the figures side by side and the charts
            started = System.nanoTime();
            browser.awaitTextWithin(TRAINING, "#training-state", "completed");
            System.out.printf(
                    "ModelsBrowserIT: completed %.1f s after the page opened%n", (System.nanoTime() - started) / 1e9);
            browser.awaitText("#training-metrics", "This model", "Patterns alone", "AUC", "Average precision");
            browser.awaitText("#training-metrics", "Money caught at review (50)", "Precision at decline (80)");
            browser.await(
                    "the three charts drawn",
                    () -> browser.findAll(".chart[data-drawn] canvas").size() >= 3);
            assertThat(browser.findAll(".chart-roc[data-drawn] canvas")).isNotEmpty();
            browser.screenshot("completed-with-figures-and-charts");
            browser.darkScheme(true);
            browser.await(
                    "the charts drawn again",
                    () -> browser.findAll(".chart[data-drawn] canvas").size() >= 3);
            Thread.sleep(300);
            browser.screenshot("completed-in-the-dark-scheme");
            browser.darkScheme(false);

            // the analyst registers it as a candidate
            browser.fill("comment", "trained in the browser test " + RUN);
            browser.click(browser.find("#training-register"), "Register as candidate");
            String registered = browser.awaitText(".training-run .notice", "Registered as candidate version")
                    .getText();
            Matcher number = Pattern.compile("version (\\d+)").matcher(registered);
            assertThat(number.find()).as(registered).isTrue();
            int version = Integer.parseInt(number.group(1));
            // the button gave way to a link to the version, so a second click cannot register another one
            browser.awaitText("#training-registered", "version " + version);
            assertThat(browser.findAll("#training-register")).isEmpty();
            assertThat(browser.find("#training-registered a").getAttribute("href"))
                    .endsWith("/models#version-" + version);
            browser.screenshot("registered-as-candidate");
            // reloaded, the run still links to its version
            String runPage = browser.path();
            String trainingId = runPage.substring(runPage.lastIndexOf('/') + 1);
            browser.open(runPage);
            browser.awaitText("#training-registered", "version " + version);
            assertThat(browser.findAll("#training-register")).isEmpty();
            browser.screenshot("registered-run-reloaded");
            // and the API refuses to register the run again, naming the version
            HttpResponse<String> again = PatternApi.call(
                    vigil,
                    "POST",
                    "/api/v1/models/trainings/" + trainingId + "/register",
                    VigilProcess.LOCAL_KEY,
                    "{\"comment\": \"once more\"}");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(JSON.readTree(again.body()).path("detail").asText())
                    .contains("training " + trainingId + " is registered already, as version " + version);
            browser.open("/models");
            assertThat(browser.awaitText("tr[data-version='" + version + "']", "candidate")
                            .getText())
                    .contains(analyst);

            // another user, an approver, approves and promotes it; the page says it is live
            browser.signIn(approver, approverPassword);
            browser.open("/models");
            browser.clickIn("tr[data-version='" + version + "']", "candidate", "Approve");
            browser.awaitText("#models .notice", "Version " + version + " approved.");
            browser.clickIn("tr[data-version='" + version + "']", "approved", "Promote");
            browser.awaitText("#models .notice", "Version " + version + " is live");
            browser.awaitText("#model-choice", "Live: version " + version);
            browser.awaitText("tr[data-version='" + version + "']", "live", approver);
            browser.screenshot("promoted-by-the-approver");

            // decisions are scored with it
            eventually(Duration.ofSeconds(10), "a decision scored with version " + version, () -> {
                String id = "mod-browser-" + RUN + "-" + System.nanoTime();
                vigil.post("/api/v1/transactions", TransactionFlowIT.transaction(id, "42.00", ""));
                JsonNode read =
                        JSON.readTree(vigil.get("/api/v1/transactions/" + id).body());
                return read.path("model").path("version").asInt() == version;
            });

            // the model page shows its stability index, from the decisions this node scored with it
            browser.open("/models");
            browser.awaitText("#model-stability", "Stability of version " + version, "decisions");
            System.out.println(
                    "ModelsBrowserIT: " + browser.find("#model-stability").getText());
            browser.screenshot("stability-of-the-live-version");
        } finally {
            ModelApi.noModelLive(vigil, VigilProcess.LOCAL_KEY);
        }
    }
}
