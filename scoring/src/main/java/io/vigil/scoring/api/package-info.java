/**
 * What scoring publishes to other modules and tools: scoring answers ingest's {@code FindRiskDecisionQuery}, so it has
 * no messages of its own yet, only the feature store's footprint measurement the benchmark uses.
 */
package io.vigil.scoring.api;
