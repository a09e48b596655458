/**
 * The read side of patterns and lists: reads the published pattern set from the CouchDB pattern store and answers
 * queries for it, publishes the lists' changes into it, and keeps the lists, their entries and their history in
 * PostgreSQL for the API.
 */
package io.vigil.patterns.query;
