package io.vigil.ingest.api;

/** Reads one transaction with its decision and outcome; answered with an optional {@link TransactionView}. */
public record FindTransactionQuery(String transactionId) {}
