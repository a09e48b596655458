-- The review queue (ingest's review-queue processing group): one row per transaction decided `review`, kept after the
-- review with its outcome. The review itself is an event of the Transaction aggregate; the claim columns are not: a
-- claim is a short-lived lock between analysts, kept here only, and compared with the database's clock so that every
-- node agrees on when it expires.
CREATE TABLE IF NOT EXISTS review_queue (
    transaction_id VARCHAR(64) PRIMARY KEY,
    merchant_id VARCHAR(128) NOT NULL,
    customer_id VARCHAR(256),
    card_fingerprint VARCHAR(256),
    amount NUMERIC NOT NULL,
    currency CHAR(3) NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    pattern_ids TEXT[] NOT NULL,
    transaction_at TIMESTAMPTZ NOT NULL,
    decided_at TIMESTAMPTZ NOT NULL,
    status VARCHAR(8) NOT NULL,
    claimed_by VARCHAR(200),
    claim_expires_at TIMESTAMPTZ,
    reviewed_by VARCHAR(200),
    reviewed_at TIMESTAMPTZ,
    reason VARCHAR(1000)
);
-- the pending queue in both of its orders
CREATE INDEX IF NOT EXISTS review_queue_pending_age ON review_queue (decided_at, score DESC) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS review_queue_pending_score ON review_queue (score DESC, decided_at) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS review_queue_patterns ON review_queue USING GIN (pattern_ids);
