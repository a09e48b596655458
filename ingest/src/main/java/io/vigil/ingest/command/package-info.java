/**
 * The write side of ingest: the Transaction aggregate that records and decides a transaction in one unit of work, and
 * the recorder of operational event batches.
 */
package io.vigil.ingest.command;
