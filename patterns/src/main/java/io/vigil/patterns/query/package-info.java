/**
 * The read side of patterns and lists: the lifecycle's read model in PostgreSQL (list, versions, history, diffs), the
 * lists, their entries and their history in PostgreSQL, the publishers that write each managed pattern's live version
 * and each list change into the CouchDB pattern store, the reads of the published set from that store, and the
 * follower of the store's change feed that pushes each new set to this process's subscribers at once.
 */
package io.vigil.patterns.query;
