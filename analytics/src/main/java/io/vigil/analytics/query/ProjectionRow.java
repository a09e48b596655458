package io.vigil.analytics.query;

import java.time.Instant;

/** A row bound for an analytics table, with the two columns that identify it for duplicate checks. */
record ProjectionRow(String transactionId, Instant recordedAt, Object[] values) {}
