/**
 * Analytics' published messages and types: the commands, events and queries of monitors, alerts, deliveries and
 * transaction summaries, and the values they carry.
 */
package io.vigil.analytics.api;
