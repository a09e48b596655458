package io.vigil.patterns.api;

/**
 * Evaluates an expression against one sample transaction, changing nothing: whether it matches, the value of every
 * field and feature it read, and the value of each of its top-level {@code &&} / {@code ||} clauses. Answered by
 * scoring with a {@link PatternTestResult}.
 *
 * @param transaction the transaction as JSON, in the shape of {@code POST /api/v1/transactions} (only
 *     {@code amount} is required; the id, time, currency and merchant default to {@code sample}, now, {@code EUR}
 *     and {@code m-sample}), optionally with {@code "features": {"features.card.count_1h": 7}} to set features
 *     instead of reading them; {@code null} when {@code transactionId} is given
 * @param transactionId a recorded transaction to test instead, {@code null} for the JSON one
 */
public record TestPatternQuery(String expression, String transaction, String transactionId) {}
