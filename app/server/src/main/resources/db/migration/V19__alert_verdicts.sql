-- An operator's mark on an incident: a real incident or not one. Detection is scored against the marks, and a real
-- incident's minutes are left out of its series' baseline.
ALTER TABLE alert_view ADD COLUMN IF NOT EXISTS verdict VARCHAR(16);
ALTER TABLE alert_view ADD COLUMN IF NOT EXISTS marked_by VARCHAR(128);
ALTER TABLE alert_view ADD COLUMN IF NOT EXISTS marked_at TIMESTAMPTZ;
ALTER TABLE alert_view ADD COLUMN IF NOT EXISTS mark_note TEXT;
CREATE INDEX IF NOT EXISTS alert_view_monitor_minute ON alert_view (monitor_id, minute);
