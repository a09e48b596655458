/** Ingest's Spring and Axon configuration: its settings and the PostgreSQL event store engine. */
package io.vigil.ingest.config;
