/**
 * The patterns' read side: the lifecycle's read model in PostgreSQL (list, versions, history, diffs), the publisher
 * that writes each managed pattern's live version into the CouchDB pattern store, and the reads of the published
 * pattern set and lists from that store.
 */
package io.vigil.patterns.query;
