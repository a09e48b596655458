package io.vigil.ingest.api;

import java.util.List;

/**
 * A stored transaction, its decision and, once reported, its outcome ({@code null} until then): the latest report,
 * which is the transaction's label. {@code outcomes} lists every report, oldest first.
 */
public record TransactionView(
        TransactionDetails transaction,
        RiskDecision decision,
        TransactionOutcomeReportedEvent outcome,
        List<OutcomeReport> outcomes) {

    public TransactionView {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }
}
