package io.vigil.it;

import static io.vigil.it.Stores.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pattern's way from an analyst's draft to the decisions, in a real browser: the editor shows a compile error as the
 * analyst types and that the corrected expression compiles; the analyst saves and submits, and is not offered the
 * approval of their own draft, tests it on a typed transaction and backtests it over the last 24 hours; an approver approves and publishes it as active; a transaction it matches is then
 * declined with the pattern named among the reasons. Each page is saved under
 * {@code target/screenshots/PatternEditorBrowserIT}.
 *
 * <p>The pattern only matches transactions that carry this run's attribute, so that the decisions of the other tests
 * sharing this Vigil are not touched.
 */
class PatternEditorBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @RegisterExtension
    static final Browser browser = new Browser(VigilProcess::shared);

    @Test
    void aDraftTypedInTheEditorIsApprovedByAnotherUserPublishedAndDecidesTransactions() throws Exception {
        VigilProcess vigil = browser.vigil();
        String analyst = "pat-" + RUN + "-ana";
        String approver = "pat-" + RUN + "-appr";
        String analystPassword = "the analyst's password " + RUN;
        String approverPassword = "the approver's password " + RUN;
        ConsoleSession.newUser(vigil, analyst, "analyst", analystPassword);
        ConsoleSession.newUser(vigil, approver, "approver", approverPassword);
        String id = "p-browser-" + RUN;

        // the analyst writes it: a misspelt field is shown as the compile error, the corrected one compiles
        browser.signIn(analyst, analystPassword);
        browser.click("Patterns");
        browser.open("/patterns/new");
        browser.fill("id", id);
        browser.fill("name", "Browser journey " + RUN);
        browser.fill("effect", "decline");
        browser.fill("expression", "tx.amout > 1.0");
        browser.awaitText("#check", "Does not compile", "tx.amout is not a transaction field; did you mean tx.amount?");
        browser.screenshot("compile-error-as-typed");
        browser.fill("expression", "'browser_run' in tx.attributes && tx.attributes['browser_run'] == '" + RUN + "'");
        browser.awaitText("#check", "Compiles");
        browser.fill("comment", "caught in the browser test");
        browser.click("Save and submit for approval");
        browser.awaitText("#pattern-state", "draft submitted, waiting for approval");
        assertThat(browser.path()).startsWith("/patterns/" + id);
        assertThat(browser.findAll("#approve-form"))
                .as("the author is not offered the approval")
                .isEmpty();
        browser.screenshot("submitted-by-the-analyst");

        // the analyst tries it on a transaction typed in the editor, and backtests it over the last 24 hours
        browser.clickCss("#sample-test summary");
        browser.fill("sample", "{\"amount\": 12.5, \"attributes\": {\"browser_run\": \"" + RUN + "\"}}");
        browser.click(browser.find("#sample-test"), "Test");
        browser.awaitText("#sample-result", "Matches", "tx.attributes", "true");
        browser.awaitText("#backtests", "Runs kept with the pattern");
        browser.click(browser.find("#backtest-form"), "Backtest");
        browser.awaitText("#backtest-run", "completed", "Transactions replayed", "Sample of hits");
        long document = browser.document();
        browser.awaitText("#backtest-runs", "Runs kept with the pattern", "draft", "completed", analyst);
        assertThat(browser.find("#backtest-runs").getText())
                .as("the list of runs shows the finished run without a reload")
                .doesNotContain("No backtest yet");
        assertThat(browser.document()).as("no page reload").isEqualTo(document);
        browser.screenshot("tested-and-backtested-by-the-analyst");

        // another user, an approver, approves and publishes it as active
        browser.signIn(approver, approverPassword);
        browser.open("/patterns/" + id);
        browser.click(browser.find("#approve-form"), "Approve");
        browser.awaitText("#pattern-state", "draft approved, ready to publish");
        browser.selectIn("#publish-form", "mode", "active");
        browser.click(browser.find("#publish-form"), "Publish");
        browser.awaitText("#pattern-state", "version 1 live", "active");
        browser.awaitText("#history", analyst, approver);
        browser.screenshot("published-by-the-approver");

        // decisions use it, on this node, as soon as the published set reached scoring
        AtomicReference<JsonNode> decided = new AtomicReference<>();
        eventually(Duration.ofSeconds(30), "a decision with the published pattern", () -> {
            HttpResponse<String> answer = vigil.post(
                    "/api/v1/transactions",
                    TransactionFlowIT.transaction(
                            "pat-browser-" + RUN + "-" + System.nanoTime(),
                            "42.00",
                            ", \"attributes\": {\"browser_run\": \"" + RUN + "\"}"));
            JsonNode decision = JSON.readTree(answer.body());
            decided.set(decision);
            return decision.path("decision").asText().equals("decline");
        });
        assertThat(decided.get().path("reasons").findValuesAsText("patternId")).contains(id);
    }
}
