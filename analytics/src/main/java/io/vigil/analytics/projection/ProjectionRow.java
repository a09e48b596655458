package io.vigil.analytics.projection;

import java.time.Instant;

/** A row bound for an analytics table, with the two columns that identify it (the key is a transaction id, or for operations the carrying event's id) for duplicate checks. */
record ProjectionRow(String key, Instant recordedAt, Object[] values) {}
