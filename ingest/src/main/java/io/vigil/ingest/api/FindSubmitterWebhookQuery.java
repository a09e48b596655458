package io.vigil.ingest.api;

/**
 * The webhook of the API caller that submitted a transaction, answered with an optional {@link SubmitterWebhook}.
 * Ingest asks it when a review ends; the access module, which keeps the API keys, answers it (as scoring answers
 * {@link FindRiskDecisionQuery}: ingest depends on no other module).
 *
 * @param submitter the caller as the transaction recorded it ({@link TransactionRecordedEvent#SUBMITTER})
 */
public record FindSubmitterWebhookQuery(String submitter) {}
