/**
 * Reads the published pattern set and lists from the CouchDB pattern store, answers queries for them, and follows the
 * store's change feed to push each new set to this process's subscribers at once.
 */
package io.vigil.patterns.query;
