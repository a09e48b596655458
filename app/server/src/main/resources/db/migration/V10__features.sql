-- The analyst-defined features' read model (the patterns module's pattern-directory processing group), written in the
-- transaction of the feature's event. The features themselves are event-sourced (one CustomFeature aggregate each);
-- CouchDB holds what scoring reads, and every scoring node backfills them in its own memory.
CREATE TABLE IF NOT EXISTS feature_view (
    name VARCHAR(40) PRIMARY KEY,
    entity VARCHAR(16) NOT NULL,
    aggregation VARCHAR(16) NOT NULL,
    field VARCHAR(40),
    window_minutes INT NOT NULL,
    filter VARCHAR(1000),
    description VARCHAR(500) NOT NULL,
    defined_by VARCHAR(200) NOT NULL,
    defined_at TIMESTAMPTZ NOT NULL,
    archived_by VARCHAR(200),
    archived_at TIMESTAMPTZ,
    archive_reason VARCHAR(500)
);
