package io.vigil.web.patterns;

import static io.vigil.web.patterns.PatternFixtures.AMY;
import static io.vigil.web.patterns.PatternFixtures.DRAFT;
import static io.vigil.web.patterns.PatternFixtures.ID;
import static io.vigil.web.patterns.PatternFixtures.SUBMITTED;
import static io.vigil.web.patterns.PatternFixtures.SUMMARY;
import static io.vigil.web.patterns.PatternFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vigil.access.api.Role;
import io.vigil.analytics.api.FindPatternStatsQuery;
import io.vigil.analytics.api.PatternStats;
import io.vigil.patterns.api.CheckPatternQuery;
import io.vigil.patterns.api.CreatePatternDraftCommand;
import io.vigil.patterns.api.DraftState;
import io.vigil.patterns.api.EditPatternDraftCommand;
import io.vigil.patterns.api.FindPatternDiffQuery;
import io.vigil.patterns.api.FindPatternQuery;
import io.vigil.patterns.api.FindPatternsQuery;
import io.vigil.patterns.api.PatternCheckResult;
import io.vigil.patterns.api.PatternDiff;
import io.vigil.patterns.api.PatternDraft;
import io.vigil.patterns.api.PatternInvalidException;
import io.vigil.patterns.api.PatternPage;
import io.vigil.patterns.api.PatternStatus;
import io.vigil.patterns.api.PatternSummary;
import io.vigil.patterns.api.SubmitPatternCommand;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The analysts' patterns pages: the list with its filter and pages, the new-pattern editor with its inline compile
 * check and reference, a pattern's page with its live version, draft, versions, diffs and history, and saving and
 * submitting a draft. Each case runs with and without htmx's HX-Request header; without it, an action redirects to
 * the page, which the cases follow.
 */
@WebMvcTest({PatternsController.class, PatternActionsController.class})
class PatternsControllerTest extends ConsoleMvcTestSupport {

    private static final PatternSummary DEVICE_FARM = new PatternSummary(
            "p-device-farm",
            "Device farm",
            PatternStatus.UNPUBLISHED,
            null,
            null,
            DraftState.DRAFT,
            "anna",
            T0,
            "anna");

    @BeforeEach
    void anAnalyst() {
        signedIn = ANALYST;
        stored.put(AMY.username(), AMY);
        answer(FindPatternQuery.class, Optional.of(SUBMITTED));
    }

    // ------------------------------------------------------------------ the list

    @WithAndWithoutHtmx
    void listsThePatternsWithStatusModeVersionDraftAndAuthor(boolean htmx) throws Exception {
        answer(FindPatternsQuery.class, new PatternPage(List.of(SUMMARY, DEVICE_FARM), 0, 50, 2));

        String html = render(get("/patterns"), htmx);

        assertShape(html, htmx, "Patterns");
        assertThat(queried(FindPatternsQuery.class)).isEqualTo(new FindPatternsQuery(null, 0, 50));
        assertThat(rowOf(html, "data-pattern-id=\"p-card-testing\""))
                .contains("href=\"/patterns/p-card-testing\"", ">Card testing<", ">published<", ">active<", ">2<")
                .contains(">submitted<", ">amy<", ">2026-11-22 09:00 by amy<");
        assertThat(rowOf(html, "data-pattern-id=\"p-device-farm\""))
                .contains(">unpublished<", ">draft<", ">anna<")
                .containsPattern(">–</td>\\s*<td class=\"num\">–<");
        assertThat(html).doesNotContain("Page 1 of");
        if (!htmx) {
            assertThat(html).contains("href=\"/patterns/new\"", "<option value=\"archived\">archived</option>");
        }
    }

    @WithAndWithoutHtmx
    void showsEachPatternsHitsShadowHitsAndPrecision(boolean htmx) throws Exception {
        answer(FindPatternsQuery.class, new PatternPage(List.of(SUMMARY, DEVICE_FARM), 0, 50, 2));
        answer(
                FindPatternStatsQuery.class,
                new PatternStats(Map.of("p-card-testing", new PatternStats.Stat(3, 41, 2, 17, 23, 2))));

        String html = render(get("/patterns"), htmx);

        assertThat(queried(FindPatternStatsQuery.class))
                .isEqualTo(new FindPatternStatsQuery(List.of("p-card-testing", "p-device-farm")));
        assertThat(rowOf(html, "data-pattern-id=\"p-card-testing\"")).contains(">3 / 41<", ">2 / 17<", ">92% of 25<");
        assertThat(rowOf(html, "data-pattern-id=\"p-device-farm\""))
                .contains(">0 / 0<")
                .containsPattern("class=\"num precision\">–<");
    }

    @WithAndWithoutHtmx
    void listsThePatternsWithoutFiguresWhenClickHouseCannotSay(boolean htmx) throws Exception {
        answer(FindPatternsQuery.class, new PatternPage(List.of(SUMMARY), 0, 50, 1));
        given(queries.query(any(FindPatternStatsQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.failedFuture(new IllegalStateException("ClickHouse is down")));

        String html = render(get("/patterns"), htmx);

        assertThat(rowOf(html, "data-pattern-id=\"p-card-testing\""))
                .contains(">Card testing<")
                .containsPattern("class=\"num hits\">–<");
    }

    @WithAndWithoutHtmx
    void filtersByStatusAndPagesThroughTheList(boolean htmx) throws Exception {
        answer(FindPatternsQuery.class, new PatternPage(List.of(SUMMARY), 1, 50, 120));

        String html = render(get("/patterns").param("status", "archived").param("page", "1"), htmx);

        assertThat(queried(FindPatternsQuery.class)).isEqualTo(new FindPatternsQuery(PatternStatus.ARCHIVED, 1, 50));
        assertThat(html)
                .containsPattern("Page <span>2</span> of <span>3</span>\\s*\\(<span>120</span> patterns\\)")
                .contains(
                        "href=\"/patterns?status=archived&amp;page=0\"",
                        "href=\"/patterns?status=archived&amp;page=2\"");
        if (!htmx) {
            assertThat(html).contains("<option value=\"archived\" selected=\"selected\">archived</option>");
        }
    }

    @Test
    void goingBackToAListPageHtmxNoLongerHoldsAnswersTheWholePage() throws Exception {
        answer(FindPatternsQuery.class, new PatternPage(List.of(SUMMARY), 0, 50, 1));

        String html = render(
                get("/patterns").param("status", "published").header("HX-History-Restore-Request", "true"), true);

        assertShape(html, false, "Patterns");
        assertThat(html).contains("data-pattern-id=\"p-card-testing\"");
    }

    @WithAndWithoutHtmx
    void anUnknownStatusIsExplained(boolean htmx) throws Exception {
        String html = render(get("/patterns").param("status", "live"), htmx, 400);

        assertThat(html).contains("status must be one of unpublished, published, archived");
    }

    // ------------------------------------------------------------------ the editor

    @WithAndWithoutHtmx
    void theEditorChecksAsOneTypesAndShowsTheFieldsAndFeatures(boolean htmx) throws Exception {
        String html = render(get("/patterns/new"), htmx);

        assertShape(html, htmx, "Patterns");
        assertThat(html)
                .contains("<form method=\"post\" action=\"/patterns\"", "hx-post=\"/patterns\"", "name=\"_csrf\"")
                .contains(
                        "name=\"id\"",
                        "name=\"name\"",
                        "name=\"description\"",
                        "name=\"expression\"",
                        "name=\"effect\"")
                .contains("name=\"comment\"", ">Save draft<", "name=\"then\" value=\"submit\"")
                .containsPattern("<textarea name=\"expression\"[^>]*hx-post=\"/patterns/check\"[^>]*"
                        + "hx-trigger=\"keyup changed delay:400ms\"[^>]*hx-target=\"#check\"")
                .contains("formaction=\"/patterns/check\"")
                .contains("<div id=\"check\"", "The expression is compiled as you type");
        String reference = html.substring(html.indexOf("id=\"reference\""));
        assertThat(reference)
                .contains("<code>tx.amount</code></td><td>double<", "<code>tx.hour</code> (0 to 23, UTC)</td><td>int<")
                .contains("<code>features.&lt;entity&gt;.count_&lt;w&gt;</code></td><td>int<")
                .contains("features.customer.new_device", "features.device.distinct_cards_24h", "map(string, string)");
        verifyNoInteractions(commands);
    }

    @WithAndWithoutHtmx
    void theCheckShowsTheCompilersProblemsBesideTheExpression(boolean htmx) throws Exception {
        answer(
                CheckPatternQuery.class,
                new PatternCheckResult(List.of("ERROR: <input>:1:3: undeclared reference to 'amout'")));

        String html = render(
                post("/patterns/check")
                        .param("name", "Small amounts")
                        .param("expression", "tx.amout < 5.0")
                        .param("effect", "review"),
                htmx);

        assertThat(queried(CheckPatternQuery.class)).isEqualTo(new CheckPatternQuery("tx.amout < 5.0", "review"));
        assertThat(html)
                .contains(
                        "role=\"alert\"",
                        "Does not compile:",
                        "<li>ERROR: &lt;input&gt;:1:3: undeclared reference to &#39;amout&#39;</li>")
                .doesNotContain("Compiles:");
        if (htmx) {
            assertThat(html.strip()).startsWith("<div id=\"check\"");
            assertThat(html).doesNotContain("<form", "<nav>");
        } else {
            assertThat(html)
                    .as("the whole editor again, as typed")
                    .contains(">tx.amout &lt; 5.0</textarea>", "value=\"Small amounts\"", "value=\"review\"");
        }
        verifyNoInteractions(commands);
    }

    @WithAndWithoutHtmx
    void theCheckSaysWhenItCompiles(boolean htmx) throws Exception {
        answer(CheckPatternQuery.class, new PatternCheckResult(List.of()));

        String html = render(
                post("/patterns/check").param("expression", "tx.amount < 5.0").param("effect", "score+20"), htmx);

        assertThat(html)
                .contains("Compiles: the expression and the effect are valid.")
                .doesNotContain("role=\"alert\"");
    }

    @WithAndWithoutHtmx
    void anEmptyExpressionIsNotSentToTheCompiler(boolean htmx) throws Exception {
        String html = render(post("/patterns/check").param("expression", "  ").param("effect", "review"), htmx);

        assertThat(html).contains("The expression is compiled as you type");
        verifyNoInteractions(queries);
    }

    @WithAndWithoutHtmx
    void theCheckOnAPatternsPageShowsThatPageWithWhatWasTyped(boolean htmx) throws Exception {
        answer(CheckPatternQuery.class, new PatternCheckResult(List.of("found no matching overload for '_>_'")));

        String html = render(
                post("/patterns/check")
                        .param("pattern", ID)
                        .param("name", "Card testing")
                        .param("expression", "tx.amount > 'x'")
                        .param("effect", "decline"),
                htmx);

        assertThat(html).contains("found no matching overload for &#39;_&gt;_&#39;");
        if (!htmx) {
            assertThat(html)
                    .contains("action=\"/patterns/p-card-testing/draft\"", ">tx.amount &gt; &#39;x&#39;</textarea>")
                    .contains("<input type=\"hidden\" name=\"pattern\" value=\"p-card-testing\">");
        }
    }

    // ------------------------------------------------------------------ creating a pattern

    @WithAndWithoutHtmx
    void creatingAPatternSendsTheDraftAsTypedAndOpensItsPage(boolean htmx) throws Exception {
        MockHttpServletRequestBuilder request = post("/patterns")
                .param("id", "p-card-testing")
                .param("name", "Card testing")
                .param("description", "Small amounts in quick succession on one card.")
                .param("expression", "features.card.count_5m >= 2 && tx.amount < 3.0")
                .param("effect", "decline")
                .param("comment", "first try")
                .param("then", "save");

        String html = createAndFollow(request, htmx);

        assertThat(sent(CreatePatternDraftCommand.class))
                .isEqualTo(new CreatePatternDraftCommand(ID, DRAFT, "first try"));
        assertThat(html).contains("Pattern p-card-testing created as a draft.").doesNotContain("role=\"alert\"");
    }

    @WithAndWithoutHtmx
    void withoutAnIdTheIdIsMadeFromTheName(boolean htmx) throws Exception {
        createAndFollow(
                post("/patterns")
                        .param("id", "")
                        .param("name", "  Card testing: 2 tries, small!")
                        .param("expression", "tx.amount < 3.0")
                        .param("effect", "score+20")
                        .param("comment", ""),
                htmx);

        CreatePatternDraftCommand command = sent(CreatePatternDraftCommand.class);
        assertThat(command.patternId()).isEqualTo("p-card-testing-2-tries-small");
        assertThat(command.comment()).as("no comment typed").isNull();
        assertThat(command.draft())
                .isEqualTo(new PatternDraft("Card testing: 2 tries, small!", "", "tx.amount < 3.0", "score+20"));
    }

    @WithAndWithoutHtmx
    void saveAndSubmitCreatesTheDraftThenSubmitsIt(boolean htmx) throws Exception {
        String html = createAndFollow(
                post("/patterns")
                        .param("id", ID)
                        .param("name", DRAFT.name())
                        .param("description", DRAFT.description())
                        .param("expression", DRAFT.expression())
                        .param("effect", DRAFT.effect())
                        .param("comment", "ready for review")
                        .param("then", "submit"),
                htmx);

        assertThat(sentInOrder(2))
                .containsExactly(
                        new CreatePatternDraftCommand(ID, DRAFT, "ready for review"),
                        new SubmitPatternCommand(ID, "ready for review"));
        assertThat(html).contains("Pattern p-card-testing created and submitted for approval.");
    }

    @WithAndWithoutHtmx
    void aRefusedNewPatternKeepsWhatWasTypedAndSaysWhy(boolean htmx) throws Exception {
        willThrow(new PatternInvalidException(
                        List.of("effect 'score+200' is not one of score+N (N from 0 to 100), review, decline")))
                .given(commands)
                .sendAndWait(any(CreatePatternDraftCommand.class));

        String html = submit(
                post("/patterns")
                        .param("id", "p-big")
                        .param("name", "Big amounts")
                        .param("description", "Anything above a thousand")
                        .param("expression", "tx.amount > 1000.0")
                        .param("effect", "score+200")
                        .param("comment", "try"),
                htmx);

        assertThat(html)
                .contains("role=\"alert\"")
                .contains("The pattern was not created: effect &#39;score+200&#39; is not one of score+N (N from 0 to"
                        + " 100), review, decline.")
                .contains("value=\"p-big\"", "value=\"Big amounts\"", ">Anything above a thousand</textarea>")
                .contains(">tx.amount &gt; 1000.0</textarea>", "value=\"score+200\"", "value=\"try\"");
        if (!htmx) {
            assertThat(html)
                    .containsPattern("aria-current=\"page\"[^>]*>Patterns</a>")
                    .contains("<h1>New pattern</h1>");
        }
    }

    @WithAndWithoutHtmx
    void anIdThatIsTakenIsExplained(boolean htmx) throws Exception {
        willThrow(new AggregateStreamCreationException("duplicate key"))
                .given(commands)
                .sendAndWait(any(CreatePatternDraftCommand.class));

        String html = submit(
                post("/patterns")
                        .param("id", ID)
                        .param("name", "x")
                        .param("expression", "true")
                        .param("effect", "review"),
                htmx);

        assertThat(html)
                .contains("The pattern was not created: there is a pattern p-card-testing already; choose"
                        + " another id.");
    }

    @ParameterizedTest(name = "id {0}, HX-Request: {1}")
    @CsvSource({"_design,false", "_design,true", "list-block,false", "new,true"})
    void anIdThatCannotBeAPatternsIsRefusedBeforeAnythingIsSent(String id, boolean htmx) throws Exception {
        String html = submit(
                post("/patterns")
                        .param("id", id)
                        .param("name", "x")
                        .param("expression", "true")
                        .param("effect", "review"),
                htmx);

        assertThat(html)
                .contains("role=\"alert\"", "The pattern was not created: ")
                .contains("value=\"" + id + "\"");
        verifyNoInteractions(commands);
    }

    // ------------------------------------------------------------------ a pattern's page

    @WithAndWithoutHtmx
    void aPatternsPageShowsItsLiveVersionDraftVersionsAndHistory(boolean htmx) throws Exception {
        String html = render(get("/patterns/p-card-testing"), htmx);

        assertShape(html, htmx, "Patterns");
        assertThat(queried(FindPatternQuery.class)).isEqualTo(new FindPatternQuery(ID));
        assertThat(html)
                .contains("<h1><span>Card testing</span> <code>p-card-testing</code></h1>")
                .containsPattern("published</span>\\s*· version <span>2</span> live,\\s*<span>active</span>")
                .contains("draft submitted, waiting for approval");
        String live = html.substring(html.indexOf("id=\"live\""), html.indexOf("id=\"draft\""));
        assertThat(live)
                .contains("Live version <span>2</span>", "features.card.count_5m &gt;= 3 &amp;&amp; tx.amount &lt; 5.0")
                .contains(
                        "<code>decline</code>",
                        "anna, approved by apollo, published by apollo at 2026-11-21 09:00 UTC");
        String draft = html.substring(html.indexOf("id=\"draft\""), html.indexOf("id=\"edit\""));
        assertThat(draft)
                .contains("<strong>amy</strong>", "features.card.count_5m &gt;= 2 &amp;&amp; tx.amount &lt; 3.0");
        assertThat(rowOf(html, "data-version=\"2\"")).contains(">live<", ">2026-11-21 09:00 by apollo<");
        assertThat(rowOf(html, "data-version=\"1\""))
                .contains("<code>review</code>")
                .doesNotContain(">live<");
        assertThat(rowOf(html, "data-sequence=\"4\""))
                .contains(">2026-11-22 09:00:00<", ">amy<", ">submitted<", ">catch it a try earlier<");
        assertThat(rowOf(html, "data-sequence=\"2\""))
                .contains(">key ops (vgl_3kf9a2bc)<", ">API key<", ">rolled back version 1, shadow<", ">oops<");
        assertThat(html.indexOf("data-sequence=\"4\""))
                .as("newest first")
                .isLessThan(html.indexOf("data-sequence=\"0\""));
        assertThat(html)
                .as("the editor, filled with the draft")
                .contains(
                        "action=\"/patterns/p-card-testing/draft\"",
                        ">features.card.count_5m &gt;= 2 &amp;&amp; tx.amount &lt; 3.0</textarea>")
                .contains("Saving takes the draft back to draft")
                .as("the diff compares the live version with the draft at first")
                .contains("<option value=\"2\" selected=\"selected\">version 2</option>")
                .contains("<option value=\"draft\" selected=\"selected\">the draft</option>");
    }

    @WithAndWithoutHtmx
    void anAnalystSeesNoneOfTheApproversButtons(boolean htmx) throws Exception {
        String html = render(get("/patterns/p-card-testing"), htmx);

        assertThat(html)
                .contains(">Save draft<")
                .doesNotContain("id=\"approve-form\"", "id=\"reject-form\"", "id=\"publish-form\"", "id=\"mode-form\"")
                .doesNotContain("/rollback", "id=\"archive-form\"")
                .as("a submitted draft is not submitted again")
                .doesNotContain("id=\"submit-form\"");
    }

    @WithAndWithoutHtmx
    void aDraftBeingWrittenCanBeSubmittedWithAComment(boolean htmx) throws Exception {
        answer(FindPatternQuery.class, Optional.of(PatternFixtures.withDraft(DraftState.DRAFT)));

        String html = render(get("/patterns/p-card-testing"), htmx);

        assertThat(html)
                .contains("draft being written", "id=\"submit-form\"", "action=\"/patterns/p-card-testing/submit\"")
                .doesNotContain("Saving takes the draft back to draft");
    }

    @WithAndWithoutHtmx
    void withoutADraftTheEditorStartsFromTheLiveVersion(boolean htmx) throws Exception {
        answer(FindPatternQuery.class, Optional.of(PatternFixtures.withDraft(DraftState.NONE)));

        String html = render(get("/patterns/p-card-testing"), htmx);

        assertThat(html)
                .contains("no draft", "Start a new draft from the live version")
                .contains(">features.card.count_5m &gt;= 3 &amp;&amp; tx.amount &lt; 5.0</textarea>")
                .doesNotContain("id=\"draft\"", "the draft</option>");
    }

    @WithAndWithoutHtmx
    void anUnknownPatternIsNotFound(boolean htmx) throws Exception {
        answer(FindPatternQuery.class, Optional.empty());

        String html = render(get("/patterns/p-none"), htmx, 404);

        assertThat(html).contains("role=\"alert\"", "There is no pattern p-none.");
    }

    // ------------------------------------------------------------------ saving and submitting a draft

    @WithAndWithoutHtmx
    void savingTheDraftSendsWhatWasTyped(boolean htmx) throws Exception {
        String html = submit(
                post("/patterns/p-card-testing/draft")
                        .param("pattern", ID)
                        .param("name", "Card testing")
                        .param("description", "")
                        .param("expression", "features.card.count_5m >= 2")
                        .param("effect", "score+40")
                        .param("comment", "softer")
                        .param("then", "save"),
                htmx);

        assertThat(sent(EditPatternDraftCommand.class))
                .isEqualTo(new EditPatternDraftCommand(
                        ID, new PatternDraft("Card testing", "", "features.card.count_5m >= 2", "score+40"), "softer"));
        assertThat(html).contains("class=\"notice\">Draft saved.<").doesNotContain("role=\"alert\"");
        assertThat(html).contains("id=\"pattern-state\"");
    }

    @WithAndWithoutHtmx
    void aDraftSavedButNotCompilingIsNotSubmittedAndSaysWhy(boolean htmx) throws Exception {
        willThrow(PatternInvalidException.doesNotCompile(List.of("undeclared reference to 'amout'")))
                .given(commands)
                .sendAndWait(any(SubmitPatternCommand.class));

        String html = submit(
                post("/patterns/p-card-testing/draft")
                        .param("name", "Card testing")
                        .param("expression", "tx.amout < 3.0")
                        .param("effect", "decline")
                        .param("comment", "try")
                        .param("then", "submit"),
                htmx);

        assertThat(sentInOrder(2))
                .containsExactly(
                        new EditPatternDraftCommand(
                                ID, new PatternDraft("Card testing", "", "tx.amout < 3.0", "decline"), "try"),
                        new SubmitPatternCommand(ID, "try"));
        assertThat(html)
                .contains("role=\"alert\"")
                .contains("The draft was saved but not submitted for approval: the expression does not compile:"
                        + " undeclared reference to &#39;amout&#39;.");
    }

    @WithAndWithoutHtmx
    void aRefusedSaveKeepsWhatWasTyped(boolean htmx) throws Exception {
        willThrow(new PatternInvalidException(List.of("name is required")))
                .given(commands)
                .sendAndWait(any(EditPatternDraftCommand.class));

        String html = submit(
                post("/patterns/p-card-testing/draft")
                        .param("name", "")
                        .param("description", "typed with care")
                        .param("expression", "features.ip.count_15m >= 20")
                        .param("effect", "score+25")
                        .param("comment", "busy addresses"),
                htmx);

        assertThat(html)
                .contains("role=\"alert\"", "The draft was not saved: name is required.")
                .contains(">typed with care</textarea>", ">features.ip.count_15m &gt;= 20</textarea>")
                .contains("value=\"score+25\"", "value=\"busy addresses\"")
                .as("not the stored draft")
                .doesNotContain(">features.card.count_5m &gt;= 2 &amp;&amp; tx.amount &lt; 3.0</textarea>");
    }

    // ------------------------------------------------------------------ diffs

    @WithAndWithoutHtmx
    void aDiffShowsEachChangedFieldLineByLine(boolean htmx) throws Exception {
        answer(
                FindPatternDiffQuery.class,
                new PatternDiff(
                        ID,
                        "2",
                        "draft",
                        List.of(new PatternDiff.FieldChange(
                                "expression",
                                "features.card.count_5m >= 3 && tx.amount < 5.0",
                                "features.card.count_5m >= 2 && tx.amount < 3.0",
                                List.of(
                                        "-features.card.count_5m >= 3 && tx.amount < 5.0",
                                        "+features.card.count_5m >= 2 && tx.amount < 3.0")))));

        String html =
                render(get("/patterns/p-card-testing/diff").param("from", "2").param("to", "draft"), htmx);

        assertThat(queried(FindPatternDiffQuery.class)).isEqualTo(new FindPatternDiffQuery(ID, "2", "draft"));
        String diff = html.substring(html.indexOf("<section id=\"diff\""));
        assertThat(diff)
                .contains("From <span>version 2</span>", "to <span>the draft</span>", "data-field=\"expression\"")
                .contains(
                        "<span class=\"diff-line removed\">-features.card.count_5m &gt;= 3 &amp;&amp; tx.amount &lt; 5.0</span>")
                .contains(
                        "<span class=\"diff-line added\">+features.card.count_5m &gt;= 2 &amp;&amp; tx.amount &lt; 3.0</span>");
        if (htmx) {
            assertThat(html.strip()).startsWith("<section id=\"diff\"");
            assertThat(html).doesNotContain("id=\"history\"");
        } else {
            assertThat(html).contains("id=\"history\"", "<h1><span>Card testing</span>");
        }
    }

    @WithAndWithoutHtmx
    void twoEqualVersionsAreSaidToBeTheSame(boolean htmx) throws Exception {
        answer(FindPatternDiffQuery.class, new PatternDiff(ID, "1", "1", List.of()));

        String html =
                render(get("/patterns/p-card-testing/diff").param("from", "1").param("to", "1"), htmx);

        assertThat(html).contains("They are the same.");
    }

    @WithAndWithoutHtmx
    void aVersionThatDoesNotExistIsExplainedInTheDiff(boolean htmx) throws Exception {
        given(queries.query(any(FindPatternDiffQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.failedFuture(
                        new IllegalArgumentException("pattern p-card-testing has no version 9")));

        String html =
                render(get("/patterns/p-card-testing/diff").param("from", "9").param("to", "draft"), htmx);

        assertThat(html)
                .contains(
                        "role=\"alert\"", "These versions cannot be compared: pattern p-card-testing has no version 9");
    }

    // ------------------------------------------------------------------ who may

    @ParameterizedTest(name = "{0} {1} by {2}")
    @CsvSource({
        "GET,/patterns,VIEWER",
        "GET,/patterns,OPERATOR",
        "GET,/patterns/new,OPERATOR",
        "GET,/patterns/p-card-testing,VIEWER",
        "GET,/patterns/p-card-testing/diff,OPERATOR",
        "POST,/patterns,OPERATOR",
        "POST,/patterns/check,VIEWER",
        "POST,/patterns/p-card-testing/draft,OPERATOR",
        "POST,/patterns/p-card-testing/submit,VIEWER"
    })
    void onlyAnalystsAndAboveReadAndWritePatterns(String method, String path, Role role) throws Exception {
        signedIn = user(role.wireName() + "-user", role);
        stored.put(signedIn.username(), signedIn);
        MockHttpServletRequestBuilder request = method.equals("GET")
                ? get(path)
                : post(path).param("name", "x").param("expression", "true").param("effect", "review");

        assertRefused(request, false);
        assertRefused(request, true);
        verifyNoInteractions(queries);
    }

    // ------------------------------------------------------------------

    /**
     * Creates a pattern as the page does and answers its page: without htmx, the redirect followed; through htmx,
     * htmx's HX-Redirect to the pattern's page, which the browser loads whole with the flashed message.
     */
    private String createAndFollow(MockHttpServletRequestBuilder request, boolean htmx) throws Exception {
        if (!htmx) {
            return submit(request, false);
        }
        request.header("HX-Request", "true");
        MvcResult posted = mvc.perform(asOnThePage(request))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", org.hamcrest.Matchers.startsWith("/patterns/p-")))
                .andReturn();
        String location = posted.getResponse().getHeader("HX-Redirect");
        return render(get(location).flashAttrs(posted.getFlashMap()), false);
    }

    /** The commands sent, in order. */
    private List<Object> sentInOrder(int count) {
        ArgumentCaptor<Object> captor = ArgumentCaptor.forClass(Object.class);
        verify(commands, times(count)).sendAndWait(captor.capture());
        return captor.getAllValues();
    }
}
