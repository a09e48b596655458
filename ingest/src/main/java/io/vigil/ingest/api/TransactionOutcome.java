package io.vigil.ingest.api;

import java.util.Optional;

/**
 * What was learned about a transaction after the decision (a label for analysts and backtests): the {@code outcome}
 * of {@code POST /api/v1/transactions/{id}/outcome}.
 */
public enum TransactionOutcome {
    CHARGEBACK,
    CONFIRMED_FRAUD,
    CONFIRMED_LEGITIMATE;

    /** The name on the wire, as the public contract spells it. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** The constant with this wire name; empty for any other text, including other cases. */
    public static Optional<TransactionOutcome> ofWireName(String wireName) {
        return WireNames.find(values(), TransactionOutcome::wireName, wireName);
    }
}
