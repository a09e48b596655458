-- The allow and block lists' read model (the patterns module's list-directory processing group), written in the
-- transaction of the change it follows. The lists themselves are event-sourced (one ValueList aggregate per list and
-- kind); CouchDB holds what scoring reads.

-- One row per listed value.
CREATE TABLE IF NOT EXISTS list_entry (
    list VARCHAR(8) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    value VARCHAR(256) NOT NULL,
    expires_at TIMESTAMPTZ,
    reason VARCHAR(500),
    added_at TIMESTAMPTZ NOT NULL,
    added_by VARCHAR(200) NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    changed_by VARCHAR(200) NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (list, kind, value)
);

-- One row per change: who, when, why, how many entries.
CREATE TABLE IF NOT EXISTS list_change (
    list VARCHAR(8) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    version BIGINT NOT NULL,
    action VARCHAR(8) NOT NULL,
    entries INT NOT NULL,
    added INT NOT NULL,
    reason VARCHAR(500) NOT NULL,
    source VARCHAR(8) NOT NULL,
    actor VARCHAR(200) NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (list, kind, version)
);
CREATE INDEX IF NOT EXISTS list_change_at ON list_change (at DESC);
