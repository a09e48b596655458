package io.vigil.analytics.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One transaction found by a search, as the search table holds it: the submitted fields searched by, the decision,
 * the active patterns that matched and the label (the client's latest outcome report, else the review's label;
 * {@code null} when none).
 *
 * @param timestamp the client's time of the transaction
 * @param recordedAt when Vigil recorded its decision
 */
public record TransactionSearchHit(
        String transactionId,
        Instant timestamp,
        Instant recordedAt,
        String merchantId,
        BigDecimal amount,
        String currency,
        String customerId,
        String cardFingerprint,
        String deviceId,
        String email,
        String ip,
        String country,
        String paymentMethod,
        String channel,
        String decision,
        double score,
        boolean fallback,
        List<String> patternIds,
        String label) {

    public TransactionSearchHit {
        patternIds = patternIds == null ? List.of() : List.copyOf(patternIds);
    }
}
