package io.vigil.ingest.api;

/** A stored transaction, its decision and, once reported, its outcome ({@code null} until then). */
public record TransactionView(
        TransactionDetails transaction, RiskDecision decision, TransactionOutcomeReportedEvent outcome) {}
