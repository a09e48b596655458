package io.vigil.ingest.rest;

import io.vigil.ingest.api.ApiRules;
import io.vigil.ingest.api.FieldViolation;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/v1/transactions}, exactly as the public contract names its fields. */
record TransactionRequest(
        String id,
        String timestamp,
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
        Map<String, String> attributes)
        implements TransactionFields {

    /** Checks every rule of the contract and returns the normalised details, or throws with all violations. */
    TransactionDetails validate(Instant now) {
        List<FieldViolation> violations = ApiRules.transaction(this, now);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid transaction", violations);
        }
        return details();
    }
}
