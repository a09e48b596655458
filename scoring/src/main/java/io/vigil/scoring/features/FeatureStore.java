package io.vigil.scoring.features;

import io.vigil.ingest.api.TransactionDetails;

/**
 * Velocity features per entity over event time. Behind an interface so that a store shared by several nodes can
 * replace the in-memory one.
 */
public interface FeatureStore {

    /** The features of a transaction about to be decided, as the entities were before it. */
    FeatureSnapshot read(TransactionDetails transaction);

    /** Counts a committed transaction; called exactly once per transaction. */
    void record(TransactionDetails transaction);

    /** The analyst-defined features held beside the built-in ones. */
    CustomFeatures custom();

    /** Forgets entities not seen for over 24 hours of event time; returns how many were removed. */
    int expireIdle();

    /** Entities currently held. */
    long entities();

    static int minuteOf(TransactionDetails transaction) {
        return (int) Math.floorDiv(transaction.timestamp().getEpochSecond(), 60);
    }
}
