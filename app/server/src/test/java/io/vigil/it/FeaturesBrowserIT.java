package io.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.TimeoutException;

/**
 * The analyst-defined features page in a real browser: an analyst defines a feature with the form, watches the
 * table refresh itself (through htmx, without a reload) until this node has backfilled it and shows it ready with
 * its memory per entity, and archives it with a reason; the lists page shows a block entry's expiry and, once it has
 * passed (with no write in between), that the entry expired; a viewer is refused both pages and offered no define
 * button.
 * Each page is saved under {@code target/screenshots/FeaturesBrowserIT}.
 */
class FeaturesBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @RegisterExtension
    static final Browser browser = new Browser(VigilProcess::shared);

    @Test
    void anAnalystDefinesAFeatureWatchesItsBackfillToReadyAndArchivesItWhileAViewerCannot() throws Exception {
        VigilProcess vigil = browser.vigil();
        String analyst = "feat-" + RUN + "-ana";
        String viewer = "feat-" + RUN + "-view";
        String analystPassword = "the analyst's password " + RUN;
        String viewerPassword = "the viewer's password " + RUN;
        ConsoleSession.newUser(vigil, analyst, "analyst", analystPassword);
        ConsoleSession.newUser(vigil, viewer, "viewer", viewerPassword);
        String name = "it_browser_" + RUN;
        String row = "tr[data-feature='" + name + "']";

        // the analyst finds the page from the patterns list and defines a feature with the form
        browser.signIn(analyst, analystPassword);
        browser.click("Patterns");
        browser.clickCss("#features-link");
        assertThat(browser.path()).isEqualTo("/features");
        assertThat(browser.findAll("#feature-form"))
                .as("the define form, for analysts")
                .hasSize(1);
        browser.fill("name", name);
        browser.select("entity", "card");
        browser.select("aggregation", "sum");
        browser.fill("window", "30d");
        browser.fill("filter", "tx.country != 'DE'");
        browser.fill("description", "card spending outside Germany over a month, defined in the browser test");
        browser.click(browser.find("#feature-form"), "Define");
        browser.awaitText("main", "Feature " + name + " defined");
        String defined = browser.awaitText(row, "features.custom." + name).getText();
        long document = browser.document();
        browser.screenshot("defined");

        // the table refreshes itself while the node backfills, until the feature is ready
        List<String> statuses = new ArrayList<>(List.of(status(row)));
        for (int attempt = 0; !statuses.get(statuses.size() - 1).equals("ready"); attempt++) {
            try {
                browser.awaitText(row + " td.status", "ready");
            } catch (TimeoutException notYet) {
                assertThat(attempt)
                        .as("ready within a minute; seen " + statuses)
                        .isLessThan(4);
            }
            statuses.add(status(row));
        }
        assertThat(statuses.get(0)).as("first shown").matches("pending|backfilling \\d+%|ready");
        assertThat(browser.document())
                .as("refreshed through htmx, not reloaded")
                .isEqualTo(document);
        String ready = browser.find(row).getText();
        assertThat(ready).contains("card", "sum", "30d", "tx.country != 'DE'", "ready", "by " + analyst);
        assertThat(browser.find(row + " td:nth-child(8)").getText())
                .as("bytes per entity")
                .matches("\\d+");
        browser.screenshot("ready");
        System.out.printf(
                "FeaturesBrowserIT: %s shown as %s right after the definition (%s)%n", name, statuses, defined);

        // and archives it with a reason
        browser.find(row + " input[name='reason']").sendKeys("replaced by a weekly one");
        browser.click(browser.find(row), "Archive");
        browser.awaitText("main", "Feature " + name + " archived.");
        browser.awaitText(row + " td.status", "archived");
        assertThat(browser.find(row).findElements(org.openqa.selenium.By.cssSelector("form")))
                .as("no archive button on an archived feature")
                .isEmpty();
        browser.screenshot("archived");
        JsonNode stored = JSON.readTree(vigil.get("/api/v1/features/" + name).body());
        assertThat(stored.path("status").asText()).isEqualTo("archived");

        // the lists page beside it shows a block entry's expiry, and that it expired, with no write in between
        String card = "card-" + RUN + "-expiring";
        Instant expiresAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> listed =
                vigil.post("/api/v1/lists/block/card/entries", """
                {"reason": "browser test", "entries": [{"value": "%s", "expiresAt": "%s", "reason": "until the call"},
                 {"value": "card-%s-kept", "reason": "for good"}]}
                """.formatted(card, expiresAt, RUN));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        browser.open("/patterns");
        browser.clickCss("#lists-link");
        browser.awaitText("#list-overview", "block", "card");
        browser.open("/lists?list=block&kind=card&q=" + RUN);
        String expiring = "tr[data-value='" + card + "']";
        assertThat(browser.awaitText(expiring, "active").getText())
                .contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .withZone(ZoneOffset.UTC)
                        .format(expiresAt));
        assertThat(browser.find("tr[data-value='card-" + RUN + "-kept']").getText())
                .contains("never", "active");
        browser.screenshot("list-entry-active");
        while (Instant.now().isBefore(expiresAt.plusMillis(200))) {
            Thread.sleep(100);
        }
        browser.open("/lists?list=block&kind=card&q=" + RUN);
        browser.awaitText(expiring + " td.status", "expired");
        browser.screenshot("list-entry-expired");

        // a viewer is not offered the page, nor a define button
        browser.signIn(viewer, viewerPassword);
        browser.open("/");
        assertThat(browser.findAll("nav a[href='/patterns']")).isEmpty();
        browser.open("/features");
        assertThat(browser.find("main").getText()).contains("Your role may not do this");
        browser.open("/lists");
        assertThat(browser.find("main").getText()).contains("Your role may not do this");
        assertThat(browser.findAll("#feature-form")).isEmpty();
        assertThat(browser.findAll("button")).noneMatch(b -> b.getText().equals("Define"));
        assertThat(browser.takeConsoleErrors())
                .as("the two refused pages, and nothing else")
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.message()).contains("403"));
        browser.screenshot("viewer-refused");
    }

    private static String status(String row) {
        return browser.find(row + " td.status").getText().strip();
    }
}
