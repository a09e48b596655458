package io.vigil.tools.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A transaction for {@code POST /api/v1/transactions}, with the contract's field names. Optional fields are null when
 * the simulated checkout has no such value (no card for a bank transfer, no IP at a shop's terminal).
 */
public record TransactionItem(
        String id,
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
        Map<String, String> attributes)
        implements SimulationItem {

    @Override
    public Kind kind() {
        return Kind.TRANSACTION;
    }

    @Override
    public String toJson() {
        return ItemJson.transaction(this);
    }
}
