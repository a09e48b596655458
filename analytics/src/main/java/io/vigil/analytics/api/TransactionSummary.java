package io.vigil.analytics.api;

import java.time.Instant;
import java.util.List;

/**
 * One transaction as the analytics store holds it; decision fields are {@code null} until the decision is projected.
 *
 * @param patternIds the active patterns that matched, the decision's reasons (empty when none or not yet decided)
 */
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
        Boolean fallback,
        List<String> patternIds) {

    public TransactionSummary {
        patternIds = patternIds == null ? List.of() : List.copyOf(patternIds);
    }
}
