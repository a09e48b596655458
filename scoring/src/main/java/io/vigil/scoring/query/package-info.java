/**
 * Answers ingest's risk decision query, from an in-memory catalog of the compiled pattern set that is refreshed from
 * the patterns module, and checks pattern drafts with the same compiler.
 */
package io.vigil.scoring.query;
