package io.vigil.access.api;

import java.time.Instant;

/**
 * One row of the audit trail: who did what, when, from where, and whether it happened.
 *
 * @param entryId the row's number; later rows have higher numbers
 * @param at when it was done
 * @param actor who did it: a user's name, an API key's {@code key NAME (PREFIX)}, {@code anonymous} or {@code system}
 * @param actorKind {@code user}, {@code api-key}, {@code anonymous} or {@code system}
 * @param sourceAddress the client's address, {@code null} for work Vigil does by itself
 * @param action the command's name ({@code PauseMonitorCommand}), {@code sign-in} or {@code sign-out}
 * @param target what it was done to (a monitor's id, the user name tried), {@code null} when nothing in particular
 * @param outcome {@code success} or {@code failure}
 * @param details JSON: the command with secrets redacted, or for a failure the error and the command
 */
public record AuditEntry(
        long entryId,
        Instant at,
        String actor,
        String actorKind,
        String sourceAddress,
        String action,
        String target,
        String outcome,
        String details) {}
