/** Reads the published pattern set and lists from the CouchDB pattern store and answers queries for them. */
package io.vigil.patterns.query;
