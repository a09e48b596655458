-- Webhooks to API clients. A key may have a webhook URL; its signing secret is kept as it is (not hashed), as Vigil
-- signs with it, and is shown once at the key's creation.
ALTER TABLE access_api_key ADD COLUMN IF NOT EXISTS webhook_url VARCHAR(2000);
ALTER TABLE access_api_key ADD COLUMN IF NOT EXISTS webhook_secret VARCHAR(100);

-- The outbox of transaction.reviewed webhooks (ingest's review-webhooks processing group): a row is written in the
-- transaction of the review, then posted, and posted again with back-off until the client answers 2xx.
CREATE TABLE IF NOT EXISTS review_webhook (
    transaction_id VARCHAR(64) PRIMARY KEY,
    url VARCHAR(2000) NOT NULL,
    secret VARCHAR(100) NOT NULL,
    body TEXT NOT NULL,
    status VARCHAR(10) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_status INT,
    last_error VARCHAR(500),
    created_at TIMESTAMPTZ NOT NULL,
    delivered_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS review_webhook_due ON review_webhook (next_attempt_at) WHERE status = 'pending';
