package io.vigil.tools.simulator;

import java.time.Instant;

/**
 * A label for an earlier transaction, for {@code POST /api/v1/transactions/{transactionId}/outcome}. The body holds
 * only {@code outcome}, {@code timestamp} and {@code note}; the transaction id goes in the path.
 */
public record OutcomeItem(String transactionId, Instant timestamp, String outcome, String note)
        implements SimulationItem {

    public static final String CHARGEBACK = "chargeback";
    public static final String CONFIRMED_FRAUD = "confirmed_fraud";

    @Override
    public Kind kind() {
        return Kind.OUTCOME;
    }

    /** The path this outcome is posted to. */
    public String path() {
        return "/api/v1/transactions/" + transactionId + "/outcome";
    }

    @Override
    public String toJson() {
        return ItemJson.outcome(this);
    }
}
