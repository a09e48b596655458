/**
 * What the ingest module offers other modules and the tools: its commands, events, queries and their results as
 * records, and the public API's enums and field rules ({@link io.vigil.ingest.api.ApiRules}), with no Spring types.
 */
package io.vigil.ingest.api;
