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

-- One row per operational event: those sent to /api/v1/events and, as operation 'authorization', every decided
-- transaction (success = approved, error_code = the decision otherwise). batch_id is the id of the event store event
-- that carried the row, so a replayed batch is recognised and skipped as a whole; the insert of a batch is one block.
CREATE TABLE IF NOT EXISTS ${database}.operations (
    batch_id String,
    recorded_at DateTime('UTC'),
    event_id String,
    event_time DateTime('UTC'),
    source String,
    merchant_id String,
    operation String,
    success UInt8,
    error_code String,
    country String,
    payment_method String,
    channel String,
    browser String,
    device_type String
) ENGINE = MergeTree
PARTITION BY toYYYYMM(recorded_at)
ORDER BY (recorded_at, batch_id);

-- Attempts and successes per event-time minute and dimension combination: what monitors read. The materialized view
-- adds each inserted block of operations to it, so a row of operations is counted exactly when it is inserted.
-- Readers always sum() with GROUP BY: SummingMergeTree folds rows only when parts merge.
CREATE TABLE IF NOT EXISTS ${database}.operations_minute (
    minute DateTime('UTC'),
    operation String,
    merchant_id String,
    country String,
    payment_method String,
    channel String,
    browser String,
    device_type String,
    attempts UInt64,
    successes UInt64
) ENGINE = SummingMergeTree((attempts, successes))
PARTITION BY toYYYYMM(minute)
ORDER BY (operation, minute, merchant_id, country, payment_method, channel, browser, device_type);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.operations_minute_mv TO ${database}.operations_minute AS
SELECT
    toStartOfMinute(event_time) AS minute,
    operation,
    merchant_id,
    country,
    payment_method,
    channel,
    browser,
    device_type,
    count() AS attempts,
    sum(success) AS successes
FROM ${database}.operations
GROUP BY minute, operation, merchant_id, country, payment_method, channel, browser, device_type;

-- One row per pattern that matched a decision: active hits (the decision's reasons) and shadow hits, which never
-- changed a decision. What the patterns list shows as hits per hour and day, and, joined with outcomes, precision.
CREATE TABLE IF NOT EXISTS ${database}.pattern_hits (
    transaction_id String,
    recorded_at DateTime('UTC'),
    pattern_id String,
    shadow UInt8
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(recorded_at)
ORDER BY (recorded_at, transaction_id, pattern_id);

-- One row per outcome report (TransactionOutcomeReportedEvent); a transaction's label is its latest report.
CREATE TABLE IF NOT EXISTS ${database}.outcomes (
    transaction_id String,
    recorded_at DateTime('UTC'),
    outcome String
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(recorded_at)
ORDER BY (recorded_at, transaction_id);

-- Transaction search (processing group clickhouse-search, SearchProjection): one row per decided transaction with
-- every field it is searched by. Sorted by event time and id_hash (halfMD5 of the id, computed by Vigil), so a time
-- range reads only its granules and a page's rows are fetched by their key; partitioned by arrival, as above.
CREATE TABLE IF NOT EXISTS ${database}.transaction_search (
    transaction_id String,
    id_hash UInt64,
    recorded_at DateTime('UTC'),
    event_time DateTime('UTC'),
    merchant_id String,
    amount Float64,
    currency String,
    customer_id String,
    card_fingerprint String,
    device_id String,
    email String,
    ip String,
    country String,
    payment_method String,
    channel String,
    decision Enum8('approve' = 1, 'review' = 2, 'decline' = 3),
    score Float64,
    fallback UInt8,
    pattern_ids Array(String)
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(recorded_at)
ORDER BY (event_time, id_hash, transaction_id);

-- The search's lookup table: one row per transaction and searchable value (its id, customer, card, device, e-mail,
-- IP and each active pattern that matched), sorted by kind and value, so that finding a card's transactions reads a
-- few granules instead of a column of every row. Neither ClickHouse 18.16 nor this schema has data-skipping indexes.
-- With the score and amount, one value's transactions are sorted by any order without reading the search table.
CREATE TABLE IF NOT EXISTS ${database}.transaction_search_keys (
    kind Enum8('id' = 1, 'customer' = 2, 'card' = 3, 'device' = 4, 'email' = 5, 'ip' = 6, 'pattern' = 7),
    value String,
    event_time DateTime('UTC'),
    id_hash UInt64,
    recorded_at DateTime('UTC'),
    score Float64,
    amount Float64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(recorded_at)
ORDER BY (kind, value, event_time, id_hash);

-- Every label a transaction was given, for search: a client's outcome report (rank 1) or a review's label (rank 0).
-- The label that counts is argMax(label, (rank, reported_ms)): the client's latest report, else the review's.
CREATE TABLE IF NOT EXISTS ${database}.transaction_labels (
    transaction_id String,
    id_hash UInt64,
    event_time DateTime('UTC'),
    recorded_at DateTime('UTC'),
    event_id String,
    label String,
    rank UInt8,
    reported_ms UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(recorded_at)
ORDER BY (event_time, id_hash, event_id);
