package io.vigil.access.api;

import java.time.Instant;
import java.util.Locale;

/**
 * Entries of the audit trail, newest first, a page at a time; answers {@link AuditEntries}. Every filter is optional;
 * the text filters match any part of the value, whatever its case.
 *
 * @param actor text in the actor
 * @param action text in the action
 * @param outcome {@code success} or {@code failure}
 * @param from entries at or after this moment
 * @param to entries before this moment
 * @param target text in the target
 * @param before only entries older than this entry (the previous page's {@link AuditEntries#nextBefore()})
 * @param limit entries per page, 1 to {@link #MAX_LIMIT}
 */
public record FindAuditEntriesQuery(
        String actor, String action, String outcome, Instant from, Instant to, String target, Long before, int limit) {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_TEXT = 200;
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public FindAuditEntriesQuery {
        actor = text("actor", actor);
        action = text("action", action);
        target = text("target", target);
        outcome = text("outcome", outcome);
        if (outcome != null) {
            outcome = outcome.toLowerCase(Locale.ROOT);
            if (!outcome.equals(SUCCESS) && !outcome.equals(FAILURE)) {
                throw new IllegalArgumentException("outcome must be success or failure");
            }
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (before != null && before < 1) {
            throw new IllegalArgumentException("before must be an entry number");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** Every entry, newest first, {@code limit} at a time. */
    public static FindAuditEntriesQuery all(int limit) {
        return new FindAuditEntriesQuery(null, null, null, null, null, null, null, limit);
    }

    /** The same filters, for the page after the one that answered {@code nextBefore}. */
    public FindAuditEntriesQuery before(Long nextBefore) {
        return new FindAuditEntriesQuery(actor, action, outcome, from, to, target, nextBefore, limit);
    }

    private static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > MAX_TEXT) {
            throw new IllegalArgumentException(name + " may have at most " + MAX_TEXT + " characters");
        }
        return trimmed;
    }
}
