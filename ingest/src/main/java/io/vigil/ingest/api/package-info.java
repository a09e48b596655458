/**
 * Ingest's published messages and types: the commands, events and queries about transactions and operational events,
 * the decision types, and the public API's enums and field rules ({@link io.vigil.ingest.api.ApiRules}), with no
 * Spring types.
 */
package io.vigil.ingest.api;
