package io.vigil.web.patterns;

import static io.vigil.web.patterns.PatternFixtures.AMY;
import static io.vigil.web.patterns.PatternFixtures.ID;
import static io.vigil.web.patterns.PatternFixtures.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.vigil.access.api.Role;
import io.vigil.patterns.api.ApprovePatternCommand;
import io.vigil.patterns.api.ArchivePatternCommand;
import io.vigil.patterns.api.DraftState;
import io.vigil.patterns.api.FindPatternQuery;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternRuleException;
import io.vigil.patterns.api.PublishPatternCommand;
import io.vigil.patterns.api.RejectPatternCommand;
import io.vigil.patterns.api.RollBackPatternCommand;
import io.vigil.patterns.api.SetPatternModeCommand;
import io.vigil.patterns.api.SubmitPatternCommand;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The lifecycle buttons of a pattern's page, mostly the approver's: the buttons an approver sees (approve and reject
 * not on their own draft), each action's command with the comment typed, a refusal the pattern makes shown in the page, and every other role
 * refused by the server. Each case runs with and without htmx's HX-Request header.
 */
@WebMvcTest({PatternActionsController.class, PatternsController.class})
class PatternActionsControllerTest extends ConsoleMvcTestSupport {

    @BeforeEach
    void anApprover() {
        signedIn = APPROVER;
        stored.put(AMY.username(), AMY);
        answer(FindPatternQuery.class, Optional.of(SUBMITTED));
    }

    @WithAndWithoutHtmx
    void anApproverSeesApproveAndRejectOnSomeoneElsesSubmittedDraft(boolean htmx) throws Exception {
        String html = render(get("/patterns/p-card-testing"), htmx);

        String draft = html.substring(html.indexOf("id=\"draft\""), html.indexOf("id=\"edit\""));
        assertThat(draft)
                .contains("id=\"approve-form\"", "action=\"/patterns/p-card-testing/approve\"", ">Approve<")
                .contains("id=\"reject-form\"", "action=\"/patterns/p-card-testing/reject\"", ">Reject<")
                .containsPattern("<input name=\"comment\" required[^>]*placeholder=\"Why it goes back \\(required\\)\"")
                .doesNotContain("id=\"publish-form\"", "(you: another approver must approve it)");
        assertThat(html)
                .contains("id=\"mode-form\"", "action=\"/patterns/p-card-testing/mode\"")
                .contains("<option value=\"active\" selected=\"selected\">active</option>")
                .contains("id=\"archive-form\"", "action=\"/patterns/p-card-testing/archive\"");
        assertThat(rowOf(html, "data-version=\"1\""))
                .contains("action=\"/patterns/p-card-testing/rollback\"", "name=\"version\" value=\"1\"");
        assertThat(rowOf(html, "data-version=\"2\"")).as("the live version").doesNotContain("/rollback");
    }

    @WithAndWithoutHtmx
    void theApproveAndRejectButtonsAreNotShownToTheDraftsAuthor(boolean htmx) throws Exception {
        signedIn = AMY;

        String html = render(get("/patterns/p-card-testing"), htmx);

        assertThat(html)
                .contains("(you: another approver must approve it)")
                .doesNotContain("id=\"approve-form\"", "/approve", "id=\"reject-form\"", "/reject")
                .as("the approver's other buttons stay")
                .contains("id=\"mode-form\"", "id=\"archive-form\"");
    }

    @WithAndWithoutHtmx
    void anApprovedDraftCanBePublishedInAModeChosen(boolean htmx) throws Exception {
        answer(FindPatternQuery.class, Optional.of(PatternFixtures.withDraft(DraftState.APPROVED)));

        String html = render(get("/patterns/p-card-testing"), htmx);

        assertThat(html)
                .contains("draft approved, ready to publish", "id=\"publish-form\"")
                .contains("<option value=\"\">as now: active</option>", "<option value=\"shadow\">shadow</option>")
                .doesNotContain("id=\"approve-form\"", "id=\"submit-form\"");
    }

    @WithAndWithoutHtmx
    void anArchivedPatternHasNoActionsLeft(boolean htmx) throws Exception {
        answer(FindPatternQuery.class, Optional.of(PatternFixtures.archived()));

        String html = render(get("/patterns/p-card-testing"), htmx);

        assertThat(html)
                .contains(">archived<")
                .doesNotContain(
                        "id=\"archive-form\"", "id=\"mode-form\"", "/rollback", ">Save draft<", "id=\"pattern-form\"");
    }

    @ParameterizedTest(name = "{0}, HX-Request: {1}")
    @CsvSource({
        "approve,false", "approve,true",
        "reject,false", "reject,true",
        "publish,false", "publish,true",
        "mode,false", "mode,true",
        "rollback,false", "rollback,true",
        "archive,false", "archive,true",
        "submit,false", "submit,true"
    })
    void eachActionSendsItsCommandWithTheCommentTyped(String action, boolean htmx) throws Exception {
        MockHttpServletRequestBuilder request =
                post("/patterns/p-card-testing/" + action).param("comment", "  looks right ");
        Object expected;
        String done;
        switch (action) {
            case "approve" -> {
                expected = new ApprovePatternCommand(ID, "looks right");
                done = "Approved: the draft may be published.";
            }
            case "reject" -> {
                expected = new RejectPatternCommand(ID, "looks right");
                done = "Sent back to its author as a draft.";
            }
            case "publish" -> {
                request.param("mode", "shadow");
                expected = new PublishPatternCommand(ID, PatternMode.SHADOW, "looks right");
                done = "Published: the draft is now the live version, shadow.";
            }
            case "mode" -> {
                request.param("mode", "off");
                expected = new SetPatternModeCommand(ID, PatternMode.OFF, "looks right");
                done = "The live version is now off.";
            }
            case "rollback" -> {
                request.param("version", "1");
                expected = new RollBackPatternCommand(ID, 1, "looks right");
                done = "Version 1 is live again.";
            }
            case "submit" -> {
                expected = new SubmitPatternCommand(ID, "looks right");
                done = "Submitted for approval: an approver other than its author reviews it now.";
            }
            default -> {
                expected = new ArchivePatternCommand(ID, "looks right");
                done = "Archived: the pattern takes no further part in scoring.";
            }
        }

        String html = submit(request, htmx);

        assertThat(sent(Object.class)).isEqualTo(expected);
        assertThat(html).contains("class=\"notice\">" + done + "<").doesNotContain("role=\"alert\"");
        if (htmx) {
            assertThat(html).doesNotContain("<html", "<nav>").contains("id=\"pattern-state\"");
        }
    }

    @WithAndWithoutHtmx
    void publishingWithoutAModeKeepsTheLiveVersionsMode(boolean htmx) throws Exception {
        String html = submit(
                post("/patterns/p-card-testing/publish").param("mode", "").param("comment", ""), htmx);

        assertThat(sent(PublishPatternCommand.class)).isEqualTo(new PublishPatternCommand(ID, null, null));
        assertThat(html).contains("Published: the draft is now the live version.");
    }

    @WithAndWithoutHtmx
    void aRuleThePatternEnforcesIsShownInThePage(boolean htmx) throws Exception {
        willThrow(new PatternRuleException(ID, "apollo wrote this draft and may not approve it"))
                .given(commands)
                .sendAndWait(any(ApprovePatternCommand.class));

        String html = submit(post("/patterns/p-card-testing/approve").param("comment", "fine"), htmx);

        assertThat(html)
                .contains("role=\"alert\"")
                .contains("The draft was not approved: pattern p-card-testing: apollo wrote this draft and may not"
                        + " approve it.")
                .doesNotContain("class=\"notice\"");
    }

    @WithAndWithoutHtmx
    void anUnknownModeIsExplainedAndSendsNothing(boolean htmx) throws Exception {
        String html = submit(post("/patterns/p-card-testing/mode").param("mode", "loud"), htmx);

        assertThat(html).contains("The mode was not changed: mode must be one of active, shadow, off.");
        verifyNoInteractions(commands);
    }

    @WithAndWithoutHtmx
    void anActionOnAPatternThatDoesNotExistSaysSo(boolean htmx) throws Exception {
        willThrow(new AggregateNotFoundException("p-none", "no events"))
                .given(commands)
                .sendAndWait(any(ArchivePatternCommand.class));
        answer(FindPatternQuery.class, Optional.empty());
        MockHttpServletRequestBuilder request = post("/patterns/p-none/archive");
        if (!htmx) {
            mvc.perform(asOnThePage(request)).andExpect(redirectedUrl("/patterns/p-none"));
            request = get("/patterns/p-none");
        }

        String html = render(request, htmx, 404);

        assertThat(html).contains("role=\"alert\"", "There is no pattern p-none.");
    }

    @WithAndWithoutHtmx
    void aRollbackWithoutAVersionIsExplainedAndSendsNothing(boolean htmx) throws Exception {
        String html = submit(post("/patterns/p-card-testing/rollback").param("comment", "back"), htmx);

        assertThat(html).contains("The pattern was not rolled back: choose the version to make live again.");
        verifyNoInteractions(commands);
    }

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource({
        "approve,ANALYST",
        "approve,OPERATOR",
        "reject,ANALYST",
        "publish,ANALYST",
        "publish,VIEWER",
        "mode,ANALYST",
        "rollback,ANALYST",
        "archive,ANALYST",
        "archive,OPERATOR"
    })
    void onlyApproversApprovePublishSetModesRollBackAndArchive(String action, Role role) throws Exception {
        signedIn = user(role.wireName() + "-user", role);
        stored.put(signedIn.username(), signedIn);
        MockHttpServletRequestBuilder request = post("/patterns/p-card-testing/" + action)
                .param("mode", "active")
                .param("version", "1")
                .param("comment", "forged");

        assertRefused(request, false);
        assertRefused(request, true);
    }

    @WithAndWithoutHtmx
    void anAdminMayDoWhatAnApproverMay(boolean htmx) throws Exception {
        signedIn = ADMIN;

        String html = submit(post("/patterns/p-card-testing/approve"), htmx);

        assertThat(sent(ApprovePatternCommand.class)).isEqualTo(new ApprovePatternCommand(ID, null));
        assertThat(html).contains("Approved: the draft may be published.");
    }
}
