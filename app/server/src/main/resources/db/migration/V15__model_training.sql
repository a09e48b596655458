-- Model training runs (scoring.training, docs/models.md): one row per run with, once completed, its metrics, feature
-- importance and the trained model (XGBoost JSON). The node running it writes its progress about once a second
-- (heartbeat_at); a run whose heartbeat stopped reads as failed. Any node may ask for a cancellation
-- (cancel_requested), which the running node sees at its next heartbeat.

CREATE TABLE IF NOT EXISTS model_training (
    training_id VARCHAR(64) PRIMARY KEY,
    range_from TIMESTAMPTZ NOT NULL,
    range_to TIMESTAMPTZ NOT NULL,
    holdout_from TIMESTAMPTZ NOT NULL,
    maturity_seconds BIGINT NOT NULL,
    trees INT NOT NULL,
    label_time VARCHAR(16) NOT NULL,
    status VARCHAR(16) NOT NULL,
    progress DOUBLE PRECISION NOT NULL DEFAULT 0,
    cancel_requested BOOLEAN NOT NULL DEFAULT FALSE,
    started_by VARCHAR(128),
    started_at TIMESTAMPTZ NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    feature_names TEXT,
    metrics TEXT,
    importance TEXT,
    model BYTEA,
    error TEXT
);
CREATE INDEX IF NOT EXISTS model_training_started ON model_training (started_at DESC);
