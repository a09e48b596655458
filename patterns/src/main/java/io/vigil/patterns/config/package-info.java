/**
 * The connection to the CouchDB-compatible pattern store: its settings (those of its change feed among them), client
 * and health indicator.
 */
package io.vigil.patterns.config;
