/**
 * The patterns module's Spring configuration: the connection to the CouchDB-compatible pattern store (its settings,
 * those of its change feed among them, client and health indicator) and the lists' settings and snapshots.
 */
package io.vigil.patterns.config;
