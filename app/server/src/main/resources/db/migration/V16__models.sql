-- The model lifecycle's read model (projection of the Model aggregate's events, written in the transaction of the
-- events it follows): one row per model with its live and shadow versions, one per registered version.

CREATE TABLE IF NOT EXISTS model_view (
    model_id VARCHAR(64) PRIMARY KEY,
    live_version INT,
    shadow_version INT,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by VARCHAR(128) NOT NULL
);

CREATE TABLE IF NOT EXISTS model_version (
    model_id VARCHAR(64) NOT NULL,
    number INT NOT NULL,
    state VARCHAR(16) NOT NULL,
    document VARCHAR(200) NOT NULL,
    sha256 CHAR(64) NOT NULL,
    size BIGINT NOT NULL,
    features TEXT NOT NULL,
    metrics TEXT NOT NULL,
    trained_from TIMESTAMPTZ,
    trained_to TIMESTAMPTZ,
    trained_by VARCHAR(128) NOT NULL,
    source VARCHAR(16) NOT NULL,
    registered_by VARCHAR(128) NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    approved_by VARCHAR(128),
    approved_at TIMESTAMPTZ,
    PRIMARY KEY (model_id, number)
);
