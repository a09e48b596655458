-- Pattern backtests (scoring.backtest): one row per run, kept with the pattern (the newest runs of each pattern are
-- kept, vigil.scoring.backtest.kept-runs). The node running a backtest writes its progress and partial counts about
-- once a second (heartbeat_at); a run whose heartbeat stopped reads as failed. Any node may ask for a cancellation
-- (cancel_requested), which the running node sees at its next heartbeat.

CREATE TABLE IF NOT EXISTS pattern_backtest (
    run_id VARCHAR(64) PRIMARY KEY,
    pattern_id VARCHAR(64) NOT NULL,
    version INT,
    subject VARCHAR(16) NOT NULL,
    expression TEXT NOT NULL,
    effect VARCHAR(32) NOT NULL,
    range_from TIMESTAMPTZ NOT NULL,
    range_to TIMESTAMPTZ NOT NULL,
    status VARCHAR(16) NOT NULL,
    progress DOUBLE PRECISION NOT NULL DEFAULT 0,
    cancel_requested BOOLEAN NOT NULL DEFAULT FALSE,
    requested_by VARCHAR(128),
    started_at TIMESTAMPTZ NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    result TEXT,
    error TEXT
);
CREATE INDEX IF NOT EXISTS pattern_backtest_pattern ON pattern_backtest (pattern_id, started_at DESC);
