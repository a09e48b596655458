package io.vigil.web.alerts;

import io.vigil.analytics.api.MonitoringRules;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The alert list's filters, as the filter form sends them: the state ({@code open} unless chosen; {@code all} for
 * every state), the search text ({@code null} when not asked) and the page, from 0.
 */
record AlertFilters(String state, String q, Integer page) {

    static final String OPEN = "open";
    static final String ALL = "all";

    /** Checked with the API's rules ({@link MonitoringRules}): an unknown state or a page out of range is refused. */
    AlertFilters {
        state = state == null || state.isBlank() ? OPEN : state;
        page = page == null ? 0 : page;
        if (!state.equals(ALL)) {
            MonitoringRules.alertState(state);
        }
        MonitoringRules.text("q", q, MonitoringRules.MAX_SEARCH);
        MonitoringRules.range("page", page, 0, MonitoringRules.MAX_PAGE);
    }

    /** The state the alerts query asks for: {@code null} for all states. */
    String stateAsked() {
        return state.equals(ALL) ? null : state;
    }

    /** The same filters from the first page, as after an action. */
    AlertFilters firstPage() {
        return new AlertFilters(state, q, 0);
    }

    /** The alerts page with these filters, for a redirect. */
    String uri() {
        Map<String, Object> values = new LinkedHashMap<>();
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/alerts").queryParam("state", "{state}");
        values.put("state", state);
        if (q != null && !q.isBlank()) {
            uri.queryParam("q", "{q}");
            values.put("q", q);
        }
        if (page > 0) {
            uri.queryParam("page", "{page}");
            values.put("page", page);
        }
        return uri.encode().buildAndExpand(values).toUriString();
    }
}
