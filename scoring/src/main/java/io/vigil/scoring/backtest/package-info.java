/**
 * Pattern backtests: recorded transactions of a time range replayed in time order from the event store through a
 * fresh feature store, the tested pattern evaluated beside the live set, the hits counted against the outcome labels,
 * as background runs kept in PostgreSQL with the pattern.
 */
package io.vigil.scoring.backtest;
