package io.vigil.ingest.api;

import java.time.Instant;

/**
 * One outcome report of a transaction as it was recorded: a client's report, or the label of an analyst's review
 * ({@code source} {@link OutcomeSource#REVIEW}, with the review's reason as its note).
 *
 * @param timestamp the time the client gave the outcome (the time of the report when it gave none; the time of the
 *     review for a review's label)
 * @param replaced the label this report changed explicitly, or {@code null}
 * @param reportedAt when Vigil recorded the report
 */
public record OutcomeReport(
        TransactionOutcome outcome,
        Instant timestamp,
        String note,
        TransactionOutcome replaced,
        Instant reportedAt,
        OutcomeSource source) {

    public OutcomeReport {
        source = source == null ? OutcomeSource.CLIENT : source;
    }
}
