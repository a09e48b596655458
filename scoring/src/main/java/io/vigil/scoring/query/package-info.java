/**
 * Answers ingest's risk decision query, from an in-memory catalog of the compiled pattern set that the patterns module
 * pushes on every change and that is also refreshed from it periodically, and checks pattern drafts with the same
 * compiler.
 */
package io.vigil.scoring.query;
