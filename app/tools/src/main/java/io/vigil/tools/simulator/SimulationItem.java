package io.vigil.tools.simulator;

import java.time.Instant;

/**
 * One thing the simulator sends to Vigil, at its event time: a transaction to decide, an operational event of a
 * checkout, or an outcome that labels an earlier transaction. The generator hands them out ordered by time.
 */
public sealed interface SimulationItem permits TransactionItem, EventItem, OutcomeItem {

    /** What kind of item, and so which endpoint takes it. */
    enum Kind {
        TRANSACTION,
        EVENT,
        OUTCOME
    }

    Kind kind();

    Instant timestamp();

    /** The request body as the public API contract defines it. */
    String toJson();
}
