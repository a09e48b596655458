/**
 * Answers ingest's risk decision query, from an in-memory catalog of the compiled pattern set that is refreshed from
 * the patterns module.
 */
package io.vigil.scoring.query;
