/**
 * Ingest's published messages and types: the commands, events and queries about transactions and operational events,
 * and the decision types, that other modules may use.
 */
package io.vigil.ingest.api;
