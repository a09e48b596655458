package io.vigil.ingest.api;

import java.util.Locale;

/** What was learned about a transaction after the decision (a label for analysts and backtests). */
public enum TransactionOutcome {
    CHARGEBACK,
    CONFIRMED_FRAUD,
    CONFIRMED_LEGITIMATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
