package io.vigil.web.patterns;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.patterns.api.CheckPatternQuery;
import io.vigil.patterns.api.CreatePatternDraftCommand;
import io.vigil.patterns.api.EditPatternDraftCommand;
import io.vigil.patterns.api.PatternCheckResult;
import io.vigil.patterns.api.PatternTestResult;
import io.vigil.patterns.api.SubmitPatternCommand;
import io.vigil.patterns.api.TestPatternQuery;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patterns pages for analysts: the list, the editor of a new pattern, each pattern's page, its draft saved (and
 * submitted for approval with the editor's second button), the compile check the editor asks as one types, and the diff of two versions. The
 * lifecycle buttons of a pattern's page are {@link PatternActionsController}'s. Each action has its own URL; through htmx it answers the
 * fragment it changes, without htmx it redirects to the page with its outcome.
 */
@Controller
@RequestMapping("/patterns")
class PatternsController {

    private static final String LIST = "patterns/list";
    private static final String NEW = "patterns/new";
    private static final String PATTERN = PatternPages.PATTERN;

    /** The value of the editor's second button: save, then submit for approval. */
    private static final String THEN_SUBMIT = "submit";

    private final PatternPages pages;
    private final PatternCommands commands;
    private final QueryGateway queries;

    PatternsController(QueryGateway queries, CommandGateway commands) {
        this.pages = new PatternPages(queries);
        this.commands = new PatternCommands(commands);
        this.queries = queries;
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "0") int page, Model model) {
        pages.fillList(status, page, model);
        return LIST;
    }

    /**
     * The list's table, for the filter and the pages, which push their URL into the browser's history; going back to
     * one that htmx no longer holds asks for the whole page.
     */
    @HxRequest
    @GetMapping
    String listTable(
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "0") int page,
            HtmxRequest htmx,
            Model model) {
        pages.fillList(status, page, model);
        return htmx.isHistoryRestoreRequest() ? LIST : LIST + " :: patternTable";
    }

    @GetMapping("/new")
    String newPattern(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PatternForm.EMPTY);
        }
        return NEW;
    }

    @HxRequest
    @GetMapping("/new")
    String newPatternEditor(Model model) {
        newPattern(model);
        return NEW + " :: editor";
    }

    /**
     * Creates the pattern as a draft (and submits it when the second button was pressed), then shows its page. A
     * refusal shows the editor again with what was typed and why.
     */
    @PostMapping
    String create(
            PatternForm form,
            @RequestParam(defaultValue = "save") String then,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        String id;
        try {
            id = form.newId();
        } catch (IllegalArgumentException e) {
            return editorRefused(form, "The pattern was not created: " + e.getMessage() + ".", htmx, model, redirect);
        }
        String refused = commands.send(
                id,
                new CreatePatternDraftCommand(id, form.draft(), comment(form.comment())),
                "The pattern was not created");
        if (refused != null) {
            return editorRefused(form, refused, htmx, model, redirect);
        }
        String message = "Pattern " + id + " created as a draft.";
        if (THEN_SUBMIT.equals(then)) {
            String notSubmitted = commands.send(
                    id,
                    new SubmitPatternCommand(id, comment(form.comment())),
                    "It was saved as a draft but not submitted for approval");
            if (notSubmitted == null) {
                message = "Pattern " + id + " created and submitted for approval.";
            } else {
                redirect.addFlashAttribute("error", notSubmitted);
            }
        }
        redirect.addFlashAttribute("message", message);
        return (htmx.isHtmxRequest() ? "redirect:htmx:" : "redirect:") + "/patterns/" + id;
    }

    @GetMapping("/{id}")
    String pattern(@PathVariable String id, Principal user, Model model, HttpServletResponse response) {
        return pages.fillPattern(id, user, model) ? PATTERN : PatternPages.notFound(id, false, model, response);
    }

    @HxRequest
    @GetMapping("/{id}")
    String patternFragment(@PathVariable String id, Principal user, Model model, HttpServletResponse response) {
        return pages.fillPattern(id, user, model)
                ? PATTERN + " :: pattern"
                : PatternPages.notFound(id, true, model, response);
    }

    /** Saves the editor as the pattern's draft, and submits it when the second button was pressed. */
    @PostMapping("/{id}/draft")
    String save(
            @PathVariable String id,
            PatternForm form,
            @RequestParam(defaultValue = "save") String then,
            Principal user,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        String refused = commands.send(
                id, new EditPatternDraftCommand(id, form.draft(), comment(form.comment())), "The draft was not saved");
        if (refused != null) {
            return pages.answer(id, null, refused, form, user, htmx.isHtmxRequest(), model, redirect, response);
        }
        if (!THEN_SUBMIT.equals(then)) {
            return pages.answer(id, "Draft saved.", null, null, user, htmx.isHtmxRequest(), model, redirect, response);
        }
        String notSubmitted = commands.send(
                id,
                new SubmitPatternCommand(id, comment(form.comment())),
                "The draft was saved but not submitted for approval");
        return pages.answer(
                id,
                notSubmitted == null ? "Draft saved and submitted for approval." : null,
                notSubmitted,
                null,
                user,
                htmx.isHtmxRequest(),
                model,
                redirect,
                response);
    }

    /**
     * Compiles the editor's expression and effect as scoring would, changing nothing. The editor asks it through htmx
     * as one types and shows the answer's fragment beside the expression; its Check button, without htmx, shows the
     * whole editor again with what was typed and the answer.
     *
     * @param pattern the pattern whose page the editor is on; absent for a new pattern
     */
    @PostMapping("/check")
    String check(
            PatternForm form,
            @RequestParam(required = false) String pattern,
            Principal user,
            HtmxRequest htmx,
            Model model,
            HttpServletResponse response) {
        if (form.expression() != null && !form.expression().isBlank()) {
            model.addAttribute(
                    "check",
                    queries.query(
                                    new CheckPatternQuery(form.expression(), form.effect()),
                                    ResponseTypes.instanceOf(PatternCheckResult.class))
                            .join());
        }
        return editorAnswer("check", form, pattern, user, htmx, model, response);
    }

    /**
     * Evaluates the editor's expression against one sample transaction, typed as JSON or a recorded one's id,
     * changing nothing: the editor's "Test with a transaction" box. Through htmx it answers the result's fragment;
     * without, the whole editor again with what was typed and the result.
     *
     * @param sample the transaction as JSON (the API's fields, only the amount required; {@code features} optional)
     * @param sampleTransactionId a recorded transaction's id, used when given
     */
    @PostMapping("/test")
    String test(
            PatternForm form,
            @RequestParam(required = false) String pattern,
            @RequestParam(required = false) String sample,
            @RequestParam(required = false) String sampleTransactionId,
            Principal user,
            HtmxRequest htmx,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("sample", sample);
        model.addAttribute("sampleTransactionId", sampleTransactionId);
        model.addAttribute(
                "sampleResult",
                queries.query(
                                new TestPatternQuery(
                                        form.expression(),
                                        sample == null || sample.isBlank() ? null : sample,
                                        sampleTransactionId == null || sampleTransactionId.isBlank()
                                                ? null
                                                : sampleTransactionId),
                                ResponseTypes.instanceOf(PatternTestResult.class))
                        .join());
        return editorAnswer("sample-result", form, pattern, user, htmx, model, response);
    }

    /**
     * What the editor's check and test answer: through htmx their fragment; otherwise the whole editor again (the new
     * pattern's, or the pattern's page) with what was typed.
     */
    private String editorAnswer(
            String fragment,
            PatternForm form,
            String pattern,
            Principal user,
            HtmxRequest htmx,
            Model model,
            HttpServletResponse response) {
        if (htmx.isHtmxRequest()) {
            return "patterns/editor :: " + fragment;
        }
        if (pattern == null || pattern.isBlank()) {
            model.addAttribute("form", form);
            return NEW;
        }
        model.addAttribute("form", form.withId(pattern));
        return pages.fillPattern(pattern, user, model)
                ? PATTERN
                : PatternPages.notFound(pattern, false, model, response);
    }

    @GetMapping("/{id}/diff")
    String diffPage(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Principal user,
            Model model,
            HttpServletResponse response) {
        if (!pages.fillPattern(id, user, model)) {
            return PatternPages.notFound(id, false, model, response);
        }
        pages.fillDiff(id, from, to, model);
        return PATTERN;
    }

    @HxRequest
    @GetMapping("/{id}/diff")
    String diff(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        pages.fillDiff(id, from, to, model);
        return PATTERN + " :: diff";
    }

    /** The new-pattern editor again, with what was typed and why it was refused. */
    private static String editorRefused(
            PatternForm form, String error, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        if (htmx.isHtmxRequest()) {
            model.addAttribute("form", form);
            model.addAttribute("error", error);
            return NEW + " :: editor";
        }
        redirect.addFlashAttribute("form", form);
        redirect.addFlashAttribute("error", error);
        return "redirect:/patterns/new";
    }

    /** A comment as the commands take it: null when none was typed. */
    static String comment(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
