/**
 * The patterns' read side: the lifecycle's read model in PostgreSQL (list, versions, history, diffs), the publisher
 * that writes each managed pattern's live version into the CouchDB pattern store, the reads of the published pattern
 * set and lists from that store, and the follower of the store's change feed that pushes each new set to this
 * process's subscribers at once.
 */
package io.vigil.patterns.query;
