package io.vigil.patterns.rest;

import io.vigil.patterns.api.ListItem;
import io.vigil.patterns.api.ListKind;
import io.vigil.patterns.api.ListValues;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The JSON bodies of the lists' API and how each is checked into a command's values. */
final class ListRequests {

    private ListRequests() {}

    /**
     * {@code POST /api/v1/lists/{list}/{kind}/entries}: values to put on the list, in one change.
     *
     * @param reason why, required
     */
    record AddEntries(String reason, List<Entry> entries) {}

    /**
     * One value to list.
     *
     * @param expiresAt an ISO-8601 instant in the future, or null for never
     * @param reason why this value, or null to use the change's reason
     */
    record Entry(String value, String expiresAt, String reason) {}

    /** {@code PUT /api/v1/lists/{list}/{kind}/entries/expiry}: another expiry for a listed value (null: never). */
    record ChangeExpiry(String value, String expiresAt, String reason) {}

    /** A problem with one field of a request: {@code entries[2].value}. */
    record FieldProblem(String field, String message) {}

    /** A request with broken rules: nothing was changed. */
    static final class InvalidListRequestException extends RuntimeException {

        private final List<FieldProblem> problems;

        InvalidListRequestException(List<FieldProblem> problems) {
            super(String.join(
                    "; ",
                    problems.stream().map(p -> p.field() + " " + p.message()).toList()));
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    /** The normalised entries of an add, or every broken rule. */
    static List<ListItem> entries(AddEntries request, ListKind kind, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        reason(problems, request.reason());
        if (request.entries() == null || request.entries().isEmpty()) {
            problems.add(new FieldProblem("entries", "must hold at least one entry"));
            throw new InvalidListRequestException(problems);
        }
        List<ListItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.entries().size(); i++) {
            Entry entry = request.entries().get(i);
            String field = "entries[" + i + "]";
            if (entry == null) {
                problems.add(new FieldProblem(field, "must be an entry"));
                continue;
            }
            String value = value(problems, field + ".value", kind, entry.value());
            if (value != null && !seen.add(value)) {
                problems.add(new FieldProblem(field + ".value", "appears more than once"));
            }
            Instant expiresAt = expiry(problems, field + ".expiresAt", entry.expiresAt(), now);
            String reasonProblem = ListValues.reasonProblem(entry.reason(), false);
            if (reasonProblem != null) {
                problems.add(new FieldProblem(field + ".reason", reasonProblem.substring("reason ".length())));
            }
            items.add(new ListItem(value, expiresAt, blankToNull(entry.reason())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidListRequestException(problems);
        }
        return items;
    }

    /** A value as the list keeps it, or a broken rule for {@code field}. */
    static String value(List<FieldProblem> problems, String field, ListKind kind, String raw) {
        ListValues.Checked checked = ListValues.normalise(kind, raw);
        if (!checked.ok()) {
            problems.add(new FieldProblem(field, checked.problem().substring("value ".length())));
            return null;
        }
        return checked.value();
    }

    /** An expiry: an ISO-8601 instant in the future, or null. */
    static Instant expiry(List<FieldProblem> problems, String field, String text, Instant now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Instant expiresAt = OffsetDateTime.parse(text.strip()).toInstant();
            if (ListValues.expiryProblem(expiresAt, now) != null) {
                problems.add(new FieldProblem(field, "must be in the future"));
            }
            return expiresAt;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 instant such as 2027-01-31T00:00:00Z"));
            return null;
        }
    }

    static void reason(List<FieldProblem> problems, String reason) {
        String problem = ListValues.reasonProblem(reason, true);
        if (problem != null) {
            problems.add(new FieldProblem("reason", problem.substring("reason ".length())));
        }
    }

    static void requireValid(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidListRequestException(problems);
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
