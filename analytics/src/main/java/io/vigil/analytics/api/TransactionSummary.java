package io.vigil.analytics.api;

import java.time.Instant;

/** One transaction as the analytics store holds it; decision fields are {@code null} until the decision is projected. */
public record TransactionSummary(
        String transactionId,
        Instant eventTime,
        Instant recordedAt,
        String merchantId,
        double amount,
        String currency,
        String country,
        String paymentMethod,
        String channel,
        String decision,
        Double score,
        Boolean fallback) {}
