package io.vigil.ingest.api;

/**
 * Asks scoring for the risk decision of a transaction that is about to be recorded; answered with a
 * {@link RiskDecision}. Ingest owns this query because the decision is part of its aggregate; scoring answers it.
 */
public record FindRiskDecisionQuery(TransactionDetails transaction) {}
