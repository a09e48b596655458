/**
 * Access to the ClickHouse analytics store: the connection and schema, its health indicator, and reads of the
 * per-minute rollups.
 */
package io.vigil.analytics.store;
