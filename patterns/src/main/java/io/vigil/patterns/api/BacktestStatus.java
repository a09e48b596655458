package io.vigil.patterns.api;

/** Where a backtest run is. */
public enum BacktestStatus {
    /** Replaying; {@link PatternBacktest#progress()} says how far. */
    RUNNING,
    /** Replayed the whole range; the results are final. */
    COMPLETED,
    /** Stopped on request; the results count what was replayed until then. */
    CANCELLED,
    /** Stopped by an error, or abandoned by a Vigil that stopped while running it. */
    FAILED
}
