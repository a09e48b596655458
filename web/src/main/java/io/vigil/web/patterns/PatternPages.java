package io.vigil.web.patterns;

import io.vigil.analytics.api.FindPatternStatsQuery;
import io.vigil.analytics.api.PatternStats;
import io.vigil.patterns.api.DraftState;
import io.vigil.patterns.api.FindPatternDiffQuery;
import io.vigil.patterns.api.FindPatternQuery;
import io.vigil.patterns.api.FindPatternsQuery;
import io.vigil.patterns.api.PatternDetails;
import io.vigil.patterns.api.PatternDiff;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternPage;
import io.vigil.patterns.api.PatternStatus;
import io.vigil.patterns.api.PatternSummary;
import io.vigil.patterns.api.PatternVersion;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the patterns pages show, read through the query gateway: the list, one pattern, and a diff of two versions;
 * and how an action on a pattern answers. Each controller of the pages has its own.
 */
class PatternPages {

    private static final Logger log = LoggerFactory.getLogger(PatternPages.class);

    /** Patterns on one page of the list. */
    static final int PAGE_SIZE = 50;

    static final String PATTERN = "patterns/pattern";

    private final QueryGateway queries;

    PatternPages(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * One page of the list.
     *
     * @param status {@code unpublished}, {@code published}, {@code archived}, or blank for all but archived ones
     * @throws IllegalArgumentException for another status or a negative page
     */
    void fillList(String status, int page, Model model) {
        PatternStatus chosen = status(status);
        PatternPage found = queries.query(
                        new FindPatternsQuery(chosen, page, PAGE_SIZE), ResponseTypes.instanceOf(PatternPage.class))
                .join();
        long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("patterns", found.patterns());
        model.addAttribute("stats", stats(found));
        model.addAttribute("page", found.page());
        model.addAttribute("pages", pages);
        model.addAttribute("total", found.total());
        model.addAttribute("status", chosen == null ? "" : wire(chosen));
        model.addAttribute(
                "statuses",
                List.of(PatternStatus.values()).stream().map(PatternPages::wire).toList());
    }

    /**
     * The hits and precision of the page's patterns; null when ClickHouse cannot say (the list is shown without
     * them).
     */
    private PatternStats stats(PatternPage found) {
        try {
            return queries.query(
                            new FindPatternStatsQuery(found.patterns().stream()
                                    .map(PatternSummary::patternId)
                                    .toList()),
                            ResponseTypes.instanceOf(PatternStats.class))
                    .join();
        } catch (RuntimeException e) {
            log.warn("Pattern hits could not be read for the patterns list: {}", e.toString());
            return null;
        }
    }

    /**
     * One pattern's page: the pattern, its live version, its versions and history newest first, whether the signed-in
     * user wrote its draft, the versions a diff may compare, and the editor filled with the draft (or the live
     * version) unless it holds what was typed already.
     *
     * @return false when there is no such pattern
     */
    boolean fillPattern(String patternId, Principal user, Model model) {
        Optional<PatternDetails> found = queries.query(
                        new FindPatternQuery(patternId), ResponseTypes.optionalInstanceOf(PatternDetails.class))
                .join();
        if (found.isEmpty()) {
            return false;
        }
        PatternDetails pattern = found.get();
        Integer liveNumber = pattern.summary().liveVersion();
        PatternVersion live = pattern.versions().stream()
                .filter(v -> liveNumber != null && v.number() == liveNumber)
                .findFirst()
                .orElse(null);
        boolean hasDraft = pattern.draft() != null && pattern.summary().draftState() != DraftState.NONE;
        List<String> choices = new ArrayList<>();
        pattern.versions().forEach(v -> choices.add(String.valueOf(v.number())));
        if (hasDraft) {
            choices.add("draft");
        }
        model.addAttribute("pattern", pattern);
        model.addAttribute("summary", pattern.summary());
        model.addAttribute("live", live);
        model.addAttribute("hasDraft", hasDraft);
        model.addAttribute(
                "isAuthor", hasDraft && user.getName().equals(pattern.summary().draftAuthor()));
        model.addAttribute("versions", newestFirst(pattern.versions()));
        model.addAttribute("history", newestFirst(pattern.history()));
        model.addAttribute("diffChoices", choices);
        model.addAttribute(
                "diffFrom", live != null ? String.valueOf(live.number()) : choices.isEmpty() ? "" : choices.get(0));
        model.addAttribute("diffTo", choices.isEmpty() ? "" : choices.get(choices.size() - 1));
        model.addAttribute(
                "modes",
                List.of(PatternMode.values()).stream().map(PatternPages::wire).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    hasDraft
                            ? PatternForm.of(patternId, pattern.draft())
                            : live != null
                                    ? PatternForm.of(patternId, live.draft())
                                    : PatternForm.EMPTY.withId(patternId));
        }
        return true;
    }

    /** What changed from one version to another (a number, {@code live} or {@code draft}), or why it cannot say. */
    void fillDiff(String patternId, String from, String to, Model model) {
        model.addAttribute("diffFrom", from);
        model.addAttribute("diffTo", to);
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            model.addAttribute("diffError", "Choose two versions to compare.");
            return;
        }
        try {
            model.addAttribute(
                    "diff",
                    queries.query(
                                    new FindPatternDiffQuery(patternId, from.strip(), to.strip()),
                                    ResponseTypes.instanceOf(PatternDiff.class))
                            .join());
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof IllegalArgumentException refused)) {
                throw e;
            }
            model.addAttribute("diffError", "These versions cannot be compared: " + refused.getMessage());
        }
    }

    /**
     * The answer to an action on a pattern's page: through htmx, the pattern's fragment with what the action did or
     * why it was refused; otherwise a redirect to the page with that flashed. A refused save keeps what was typed.
     *
     * @param typed the editor as posted, kept when the action was refused; null for the other actions
     */
    String answer(
            String patternId,
            String message,
            String error,
            PatternForm typed,
            Principal user,
            boolean htmx,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        BiConsumer<String, Object> outcome = htmx ? model::addAttribute : redirect::addFlashAttribute;
        if (message != null) {
            outcome.accept("message", message);
        }
        if (error != null) {
            outcome.accept("error", error);
            if (typed != null) {
                outcome.accept("form", typed.withId(patternId));
            }
        }
        if (!htmx) {
            return "redirect:/patterns/" + patternId;
        }
        return fillPattern(patternId, user, model)
                ? PATTERN + " :: pattern"
                : notFound(patternId, true, model, response);
    }

    /** The console's error page (or its fragment) saying there is no such pattern, with 404. */
    static String notFound(String patternId, boolean htmx, Model model, HttpServletResponse response) {
        model.addAttribute(
                "message", "There is no pattern " + patternId + ". It may have been created with another id.");
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return htmx ? "error/console :: message" : "error/console";
    }

    /** A mode as the page names it. */
    static PatternMode mode(String mode) {
        try {
            return PatternMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("mode must be one of active, shadow, off");
        }
    }

    private static PatternStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PatternStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be one of unpublished, published, archived");
        }
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> reversed = new ArrayList<>(oldestFirst);
        Collections.reverse(reversed);
        return reversed;
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
