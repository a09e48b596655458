package io.vigil.web.transactions;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.analytics.api.FindTransactionsQuery;
import io.vigil.analytics.api.MonitoringRules;
import io.vigil.analytics.api.SearchSort;
import io.vigil.analytics.api.TransactionSearchPage;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's transaction search ({@code /transactions}): a form of the API's filters ({@code GET
 * /api/v1/transactions}, the same query and rules), whose results htmx swaps in without reloading the page, page by
 * page. Every row links to the transaction's page. A filter the rules refuse is shown above the results, as a 400.
 */
@Controller
class SearchPageController {

    /** The form's fields, in the API's names. */
    static final String[] FIELDS = {
        "id",
        "customerId",
        "cardFingerprint",
        "deviceId",
        "email",
        "ip",
        "merchantId",
        "decision",
        "patternId",
        "label",
        "minScore",
        "maxScore",
        "minAmount",
        "maxAmount",
        "from",
        "to",
        "sort",
        "page",
        "size"
    };

    private final QueryGateway queries;

    SearchPageController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/transactions")
    String page(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        search(params, model, response);
        return "transactions/search";
    }

    @HxRequest
    @GetMapping("/transactions")
    String results(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        search(params, model, response);
        return "transactions/search :: results";
    }

    private void search(Map<String, String> params, Model model, HttpServletResponse response) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = params.get(field);
            form.put(field, value == null ? "" : value.strip());
        }
        model.addAttribute("form", form);
        model.addAttribute("decisions", FindTransactionsQuery.DECISIONS);
        model.addAttribute("labels", FindTransactionsQuery.LABELS);
        model.addAttribute("sorts", SearchSort.values());
        try {
            FindTransactionsQuery query = query(form, Instant.now());
            TransactionSearchPage page = queries.query(query, ResponseTypes.instanceOf(TransactionSearchPage.class))
                    .join();
            model.addAttribute("result", page);
            model.addAttribute("previous", page.page() > 0 ? link(form, page.page() - 1) : null);
            model.addAttribute("next", page.hasMore() ? link(form, page.page() + 1) : null);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    /** The query of the form's fields, checked by the same rules as the API's. */
    static FindTransactionsQuery query(Map<String, String> form, Instant now) {
        return new FindTransactionsQuery(
                form.get("id"),
                form.get("customerId"),
                form.get("cardFingerprint"),
                form.get("deviceId"),
                form.get("email"),
                form.get("ip"),
                form.get("merchantId"),
                form.get("decision"),
                form.get("patternId"),
                form.get("label"),
                number(form, "minScore"),
                number(form, "maxScore"),
                number(form, "minAmount"),
                number(form, "maxAmount"),
                MonitoringRules.time("from", time(form, "from"), now),
                MonitoringRules.time("to", time(form, "to"), now),
                SearchSort.parse("sort", form.get("sort")),
                (int) whole(form, "page", 0),
                (int) whole(form, "size", FindTransactionsQuery.DEFAULT_SIZE));
    }

    /** The same search on another page, as a link's query string. */
    private static String link(Map<String, String> form, int page) {
        StringBuilder query = new StringBuilder("/transactions?");
        form.forEach((field, value) -> {
            String v = field.equals("page") ? String.valueOf(page) : value;
            if (!v.isEmpty()) {
                query.append(query.charAt(query.length() - 1) == '?' ? "" : "&")
                        .append(field)
                        .append('=')
                        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static Double number(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number");
        }
    }

    private static long whole(Map<String, String> form, String field, long fallback) {
        String value = form.get(field);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return MonitoringRules.range(field, Long.parseLong(value), 0, Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
    }

    /** An ISO-8601 instant, or a browser's date-time field's {@code 2026-11-23T10:15} read as UTC. */
    private static Instant time(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException(field + " must be a time such as 2026-11-23T10:15 (UTC)");
            }
        }
    }
}
