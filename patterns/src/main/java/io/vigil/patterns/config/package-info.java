/** The connection to the CouchDB-compatible pattern store: its settings, client and health indicator. */
package io.vigil.patterns.config;
