-- Query-side tables of monitoring, written by event handlers in the same transaction as the events they follow.

-- The monitors as the evaluator and the console read them (projection of the Monitor aggregate's events).
CREATE TABLE IF NOT EXISTS monitor_view (
    monitor_id VARCHAR(64) PRIMARY KEY,
    name VARCHAR(120) NOT NULL,
    definition TEXT NOT NULL,
    status VARCHAR(16) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by VARCHAR(128)
);

-- One row per alert incident: the searchable alert history (projection of the Alert aggregate's events).
CREATE TABLE IF NOT EXISTS alert_view (
    alert_id VARCHAR(128) NOT NULL,
    incident INT NOT NULL,
    monitor_id VARCHAR(64) NOT NULL,
    monitor_name VARCHAR(120) NOT NULL,
    series TEXT NOT NULL,
    series_label TEXT NOT NULL,
    state VARCHAR(16) NOT NULL,
    minute TIMESTAMPTZ NOT NULL,
    raised_at TIMESTAMPTZ NOT NULL,
    observation TEXT NOT NULL,
    silenced BOOLEAN NOT NULL,
    silence_reason TEXT,
    acknowledged_by VARCHAR(128),
    acknowledged_at TIMESTAMPTZ,
    resolved_at TIMESTAMPTZ,
    resolved_by VARCHAR(128),
    resolved_automatically BOOLEAN,
    PRIMARY KEY (alert_id, incident)
);
CREATE INDEX IF NOT EXISTS alert_view_open ON alert_view (monitor_id) WHERE state <> 'resolved';
CREATE INDEX IF NOT EXISTS alert_view_raised_at ON alert_view (raised_at DESC);

-- Notifications to send and sent: an outbox, so a webhook that is down delays a message but never loses it.
CREATE TABLE IF NOT EXISTS notification_delivery (
    delivery_id VARCHAR(200) PRIMARY KEY,
    alert_id VARCHAR(128) NOT NULL,
    incident INT NOT NULL,
    kind VARCHAR(16) NOT NULL,
    url TEXT NOT NULL,
    format VARCHAR(16) NOT NULL,
    payload TEXT NOT NULL,
    status VARCHAR(16) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_error TEXT,
    last_status INT,
    created_at TIMESTAMPTZ NOT NULL,
    delivered_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS notification_delivery_due ON notification_delivery (next_attempt_at) WHERE status = 'pending';

-- The silence an alert has now, if any (one per alert; a new silence replaces it).
CREATE TABLE IF NOT EXISTS alert_silence (
    alert_id VARCHAR(128) PRIMARY KEY,
    description TEXT NOT NULL,
    until TIMESTAMPTZ,
    until_resolved BOOLEAN NOT NULL,
    silenced_by VARCHAR(128),
    silenced_at TIMESTAMPTZ NOT NULL
);
