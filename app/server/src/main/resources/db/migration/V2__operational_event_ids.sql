-- Ids of the operational events stored so far, so that a repeated event is ignored (the contract's promise).
-- Ids older than vigil.ingest.event-id-retention are pruned: a repeat later than that counts again.
CREATE TABLE IF NOT EXISTS operational_event_ids (
    id VARCHAR(64) PRIMARY KEY,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS operational_event_ids_received_at ON operational_event_ids (received_at);
