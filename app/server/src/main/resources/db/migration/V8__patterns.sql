-- The pattern lifecycle's read model (projection of the Pattern aggregate's events, written in the transaction of
-- the events it follows): one row per pattern with its draft, every published version, and every step of its life.

CREATE TABLE IF NOT EXISTS pattern_view (
    pattern_id VARCHAR(64) PRIMARY KEY,
    name VARCHAR(120) NOT NULL,
    status VARCHAR(16) NOT NULL,
    mode VARCHAR(8),
    live_version INT,
    draft_state VARCHAR(16) NOT NULL,
    draft_name VARCHAR(120),
    draft_description TEXT,
    draft_expression TEXT,
    draft_effect VARCHAR(32),
    draft_author VARCHAR(128),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by VARCHAR(128) NOT NULL
);
CREATE INDEX IF NOT EXISTS pattern_view_updated ON pattern_view (updated_at DESC, pattern_id);

CREATE TABLE IF NOT EXISTS pattern_version (
    pattern_id VARCHAR(64) NOT NULL,
    number INT NOT NULL,
    name VARCHAR(120) NOT NULL,
    description TEXT NOT NULL,
    expression TEXT NOT NULL,
    effect VARCHAR(32) NOT NULL,
    author VARCHAR(128) NOT NULL,
    approved_by VARCHAR(128) NOT NULL,
    published_by VARCHAR(128) NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (pattern_id, number)
);

CREATE TABLE IF NOT EXISTS pattern_history (
    pattern_id VARCHAR(64) NOT NULL,
    sequence BIGINT NOT NULL,
    action VARCHAR(16) NOT NULL,
    actor VARCHAR(128) NOT NULL,
    actor_kind VARCHAR(16),
    at TIMESTAMPTZ NOT NULL,
    comment TEXT NOT NULL,
    version INT,
    mode VARCHAR(8),
    PRIMARY KEY (pattern_id, sequence)
);
