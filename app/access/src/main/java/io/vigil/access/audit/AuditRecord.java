package io.vigil.access.audit;

import java.time.Instant;

/**
 * A row to append to the audit trail (see {@link io.vigil.access.api.AuditEntry} for what each field holds). Values
 * longer than their column are cut, so that a long name never costs the row.
 */
public record AuditRecord(Instant at, Actor actor, String action, String target, String outcome, String details) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public AuditRecord {
        action = cut(action, 100);
        target = cut(target, 300);
    }

    String actorName() {
        return cut(actor.name(), 200);
    }

    String actorKind() {
        return cut(actor.kind(), 16);
    }

    String sourceAddress() {
        return cut(actor.sourceAddress(), 64);
    }

    static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length - 1) + "…";
    }
}
