-- Who may do what (the access module): console users, API keys and the audit trail.

-- Console users. One role each: the roles are ordered (viewer < operator < analyst < approver < admin) and each
-- includes the ones below it. A user of single sign-on has no password here.
CREATE TABLE IF NOT EXISTS access_user (
    username VARCHAR(64) PRIMARY KEY,
    display_name VARCHAR(200),
    password_hash VARCHAR(200),
    role VARCHAR(16) NOT NULL,
    origin VARCHAR(16) NOT NULL DEFAULT 'local',
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL,
    created_by VARCHAR(200) NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    last_sign_in_at TIMESTAMPTZ
);

-- API keys. The secret is shown once and only its SHA-256 is kept (a key has 192 random bits: a slow hash adds
-- nothing but latency); the prefix tells keys apart on screen. Every change bumps the row's revision from one
-- sequence, so each node sees within a poll that its cached keys changed.
CREATE SEQUENCE IF NOT EXISTS access_key_revision;
CREATE TABLE IF NOT EXISTS access_api_key (
    key_id VARCHAR(36) PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    prefix VARCHAR(16) NOT NULL UNIQUE,
    secret_sha256 BYTEA NOT NULL UNIQUE,
    scopes VARCHAR(200) NOT NULL,
    rate_per_second INT,
    burst INT,
    created_at TIMESTAMPTZ NOT NULL,
    created_by VARCHAR(200) NOT NULL,
    revoked_at TIMESTAMPTZ,
    revoked_by VARCHAR(200),
    last_used_at TIMESTAMPTZ,
    revision BIGINT NOT NULL DEFAULT nextval('access_key_revision')
);

-- The audit trail: every change made through the console or the API, and every failed sign-in. Append-only: the
-- trigger below refuses to change or delete a row, whoever asks.
CREATE TABLE IF NOT EXISTS access_audit (
    entry_id BIGSERIAL PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    actor VARCHAR(200) NOT NULL,
    actor_kind VARCHAR(16) NOT NULL,
    source_address VARCHAR(64),
    action VARCHAR(100) NOT NULL,
    target VARCHAR(300),
    outcome VARCHAR(16) NOT NULL,
    details TEXT
);
CREATE INDEX IF NOT EXISTS access_audit_at ON access_audit (at DESC);
CREATE INDEX IF NOT EXISTS access_audit_actor ON access_audit (actor, at DESC);

CREATE OR REPLACE FUNCTION access_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS access_audit_append_only ON access_audit;
CREATE TRIGGER access_audit_append_only BEFORE UPDATE OR DELETE ON access_audit
    FOR EACH ROW EXECUTE FUNCTION access_audit_append_only();
