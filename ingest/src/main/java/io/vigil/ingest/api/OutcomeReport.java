package io.vigil.ingest.api;

import java.time.Instant;

/**
 * One outcome report of a transaction as it was recorded.
 *
 * @param timestamp the time the client gave the outcome (the time of the report when it gave none)
 * @param replaced the label this report changed explicitly, or {@code null}
 * @param reportedAt when Vigil recorded the report
 */
public record OutcomeReport(
        TransactionOutcome outcome, Instant timestamp, String note, TransactionOutcome replaced, Instant reportedAt) {}
