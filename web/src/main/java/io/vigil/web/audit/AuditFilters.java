package io.vigil.web.audit;

import io.vigil.access.api.FindAuditEntriesQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit page's filters, as its form sends them: text in the actor, the action and the target, the outcome, a
 * range of time in UTC ({@code 2026-11-23T10:15} as a browser's date and time field sends it, a date, or an instant),
 * and {@code before}, the entry the page starts below.
 */
record AuditFilters(String actor, String action, String outcome, String target, String from, String to, Long before) {

    /** Checked when the form is bound, with the query's rules: a bad filter is a 400 naming it. */
    AuditFilters {
        new FindAuditEntriesQuery(actor, action, outcome, instant("from", from), instant("to", to), target, before, 1);
    }

    /** The query of these filters, {@code limit} entries a page. */
    FindAuditEntriesQuery query(int limit) {
        return new FindAuditEntriesQuery(
                actor, action, outcome, instant("from", from), instant("to", to), target, before, limit);
    }

    /** The page of these filters that starts below entry {@code before}; {@code null}: the newest. */
    String uri(Long before) {
        return uri(AuditController.PATH, before);
    }

    /** The export of these filters, from the newest entry. */
    String exportUri() {
        return uri(AuditController.PATH + "/export", null);
    }

    private String uri(String path, Long start) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        Map<String, Object> values = new LinkedHashMap<>();
        add(uri, values, "actor", actor);
        add(uri, values, "action", action);
        add(uri, values, "outcome", outcome);
        add(uri, values, "target", target);
        add(uri, values, "from", from);
        add(uri, values, "to", to);
        add(uri, values, "before", start);
        return uri.encode().buildAndExpand(values).toUriString();
    }

    private static void add(UriComponentsBuilder uri, Map<String, Object> values, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            uri.queryParam(name, "{" + name + "}");
            values.put(name, value);
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a time in UTC such as 2026-11-23T10:15");
        }
    }
}
