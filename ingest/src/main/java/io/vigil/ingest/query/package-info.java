/** Answers reads of a transaction straight from its event stream. */
package io.vigil.ingest.query;
