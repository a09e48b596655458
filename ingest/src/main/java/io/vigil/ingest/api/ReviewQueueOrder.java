package io.vigil.ingest.api;

/** The review queue's orders: the oldest decision first, or the highest score first; each breaks ties with the other. */
public enum ReviewQueueOrder {
    OLDEST,
    RISKIEST
}
