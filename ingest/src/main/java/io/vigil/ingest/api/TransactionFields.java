package io.vigil.ingest.api;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/transactions} as the client sent it, before any rule is checked: the contract's
 * field names, {@code null} for an absent field. {@link ApiRules#transaction} checks it.
 */
public interface TransactionFields {

    String id();

    String timestamp();

    BigDecimal amount();

    String currency();

    String merchantId();

    String customerId();

    String cardFingerprint();

    String cardBin();

    String deviceId();

    String ip();

    String email();

    String country();

    String paymentMethod();

    String channel();

    String browser();

    String deviceType();

    Map<String, String> attributes();
}
