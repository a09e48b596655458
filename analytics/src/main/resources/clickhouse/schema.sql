-- Vigil's analytics schema. Runs on every start; every statement is idempotent.
-- Written for ClickHouse 18.16 and current servers alike: no TTL, CODEC, DateTime64 or LowCardinality.
CREATE DATABASE IF NOT EXISTS ${database};

-- One row per recorded transaction. recorded_at is the event store's timestamp of TransactionRecordedEvent, so a
-- replayed event produces the very same row and ReplacingMergeTree folds any duplicate on its sorting key.
CREATE TABLE IF NOT EXISTS ${database}.transactions (
    transaction_id String,
    recorded_at DateTime('UTC'),
    event_time DateTime('UTC'),
    merchant_id String,
    amount Float64,
    currency String,
    customer_id String,
    card_bin String,
    country String,
    payment_method String,
    channel String,
    browser String,
    device_type String
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(recorded_at)
ORDER BY (recorded_at, transaction_id);

-- One row per decision (TransactionDecidedEvent).
CREATE TABLE IF NOT EXISTS ${database}.decisions (
    transaction_id String,
    recorded_at DateTime('UTC'),
    decided_at DateTime('UTC'),
    decision String,
    score Float64,
    fallback UInt8,
    pattern_set_version UInt64,
    pattern_ids String
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(recorded_at)
ORDER BY (recorded_at, transaction_id);
