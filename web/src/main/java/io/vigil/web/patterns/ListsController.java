package io.vigil.web.patterns;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.vigil.patterns.api.FindListEntriesQuery;
import io.vigil.patterns.api.FindListsQuery;
import io.vigil.patterns.api.ListEntryPage;
import io.vigil.patterns.api.ListKind;
import io.vigil.patterns.api.ListOverview;
import io.vigil.patterns.api.ListType;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The allow and block lists in the console (analysts), read only: every list of every kind with its counts, and the
 * entries of one, 100 a page, each with its expiry (and whether it has passed, so that the entry no longer applies),
 * its reason and who listed it. Lists are changed through {@code /api/v1/lists}.
 */
@Controller
@RequestMapping("/lists")
class ListsController {

    static final String PAGE = "patterns/lists";
    static final int PAGE_SIZE = 100;
    private static final int MAX_SEARCH = 256;
    private static final int MAX_PAGE = 10_000;

    private final QueryGateway queries;

    ListsController(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * The lists, and the entries of the one chosen.
     *
     * @param list {@code allow} or {@code block}
     * @param kind {@code card}, {@code card_bin}, {@code email}, {@code device}, {@code ip} or {@code customer}
     * @param q part of a value to look for
     */
    @GetMapping
    String lists(
            @RequestParam(required = false) String list,
            @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            HtmxRequest htmx,
            Model model) {
        model.addAttribute(
                "lists",
                queries.query(new FindListsQuery(), ResponseTypes.instanceOf(ListOverview.class))
                        .join()
                        .lists());
        Optional<ListType> type = Optional.ofNullable(list).flatMap(ListType::ofWireName);
        Optional<ListKind> of = Optional.ofNullable(kind).flatMap(ListKind::ofWireName);
        String search = q.strip();
        if (search.length() > MAX_SEARCH) {
            search = search.substring(0, MAX_SEARCH);
        }
        model.addAttribute("q", search);
        if (type.isPresent() && of.isPresent()) {
            int shown = Math.max(0, Math.min(MAX_PAGE, page));
            model.addAttribute("list", type.get().wireName());
            model.addAttribute("kind", of.get().wireName());
            model.addAttribute(
                    "entries",
                    queries.query(
                                    new FindListEntriesQuery(
                                            type.get(), of.get(), search.isEmpty() ? null : search, shown, PAGE_SIZE),
                                    ResponseTypes.instanceOf(ListEntryPage.class))
                            .join());
        }
        return htmx.isHtmxRequest() ? PAGE + " :: entries" : PAGE;
    }
}
