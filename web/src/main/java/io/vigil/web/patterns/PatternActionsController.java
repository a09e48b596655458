package io.vigil.web.patterns;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.vigil.patterns.api.ApprovePatternCommand;
import io.vigil.patterns.api.ArchivePatternCommand;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PublishPatternCommand;
import io.vigil.patterns.api.RejectPatternCommand;
import io.vigil.patterns.api.RollBackPatternCommand;
import io.vigil.patterns.api.SetPatternModeCommand;
import io.vigil.patterns.api.SubmitPatternCommand;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lifecycle buttons of a pattern's page, one URL each: submit the draft for approval (analysts), and approve or
 * reject it, publish it, set the live version's mode, roll back to an earlier version, archive (approvers). The
 * console's security decides who reaches which URL (io.vigil.access.security.ConsolePermissions); the pattern refuses
 * an author's approval of their own draft whoever asks. Through htmx an action answers the pattern's fragment with
 * what it did or why not; without htmx it redirects to the pattern's page with that.
 */
@Controller
class PatternActionsController {

    private final PatternPages pages;
    private final PatternCommands commands;

    PatternActionsController(QueryGateway queries, CommandGateway commands) {
        this.pages = new PatternPages(queries);
        this.commands = new PatternCommands(commands);
    }

    /** What an action sends, and what the page says when it is done. */
    private record Action(Object command, String done) {}

    /**
     * @param mode for {@code mode}: {@code active}, {@code shadow} or {@code off}; for {@code publish} the same, or
     *     blank to keep the live version's ({@code shadow} at the first publication)
     * @param version for {@code rollback}: the version to make live again
     * @param comment why, kept in the history; required to reject
     */
    @PostMapping("/patterns/{id}/{action:submit|approve|reject|publish|mode|rollback|archive}")
    String act(
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String comment,
            Principal user,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        String why = PatternsController.comment(comment);
        String message = null;
        String error;
        try {
            Action chosen = action(id, action, mode, version, why);
            error = commands.send(id, chosen.command(), refusal(action));
            message = error == null ? chosen.done() : null;
        } catch (IllegalArgumentException e) {
            error = refusal(action) + ": " + e.getMessage() + ".";
        }
        return pages.answer(id, message, error, null, user, htmx.isHtmxRequest(), model, redirect, response);
    }

    /** @throws IllegalArgumentException for a mode or version the action needs and was not given right */
    private static Action action(String id, String action, String mode, Integer version, String comment) {
        return switch (action) {
            case "submit" ->
                new Action(
                        new SubmitPatternCommand(id, comment),
                        "Submitted for approval: an approver other than its author reviews it now.");
            case "approve" ->
                new Action(new ApprovePatternCommand(id, comment), "Approved: the draft may be published.");
            case "reject" -> new Action(new RejectPatternCommand(id, comment), "Sent back to its author as a draft.");
            case "publish" -> {
                PatternMode chosen = mode == null || mode.isBlank() ? null : PatternPages.mode(mode);
                yield new Action(
                        new PublishPatternCommand(id, chosen, comment),
                        "Published: the draft is now the live version"
                                + (chosen == null ? "." : ", " + PatternPages.wire(chosen) + "."));
            }
            case "mode" -> {
                PatternMode chosen = PatternPages.mode(mode);
                yield new Action(
                        new SetPatternModeCommand(id, chosen, comment),
                        "The live version is now " + PatternPages.wire(chosen) + ".");
            }
            case "rollback" -> {
                if (version == null) {
                    throw new IllegalArgumentException("choose the version to make live again");
                }
                yield new Action(
                        new RollBackPatternCommand(id, version, comment), "Version " + version + " is live again.");
            }
            case "archive" ->
                new Action(
                        new ArchivePatternCommand(id, comment),
                        "Archived: the pattern takes no further part in scoring.");
            default -> throw new IllegalArgumentException("there is no action " + action);
        };
    }

    private static String refusal(String action) {
        return switch (action) {
            case "submit" -> "The draft was not submitted for approval";
            case "approve" -> "The draft was not approved";
            case "reject" -> "The draft was not rejected";
            case "publish" -> "The draft was not published";
            case "mode" -> "The mode was not changed";
            case "rollback" -> "The pattern was not rolled back";
            default -> "The pattern was not archived";
        };
    }
}
