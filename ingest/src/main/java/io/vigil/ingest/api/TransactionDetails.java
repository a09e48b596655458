package io.vigil.ingest.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What an API client submitted for one transaction, already validated and normalised: optional text fields
 * are {@code null} when absent, the amount carries no trailing zeros and attributes are never {@code null}.
 */
public record TransactionDetails(
        String transactionId,
        Instant timestamp,
        BigDecimal amount,
        String currency,
        String merchantId,
        String customerId,
        String cardFingerprint,
        String cardBin,
        String deviceId,
        String ip,
        String email,
        String country,
        String paymentMethod,
        String channel,
        String browser,
        String deviceType,
        Map<String, String> attributes) {

    public TransactionDetails {
        amount = amount == null ? null : canonical(amount);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** 129.90 and 129.9 are the same amount; 1000 stays 1000 rather than 1E+3. */
    private static BigDecimal canonical(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
