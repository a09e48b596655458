package io.vigil.ingest.api;

import java.math.BigDecimal;
import java.util.Locale;
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

    /**
     * The transaction these fields describe once {@link ApiRules#transaction} found nothing wrong with them: blank
     * optional text absent, the browser and device type in lower case.
     */
    default TransactionDetails details() {
        return new TransactionDetails(
                id(),
                ApiRules.instant(timestamp()),
                amount(),
                currency(),
                merchantId(),
                blankToNull(customerId()),
                blankToNull(cardFingerprint()),
                cardBin(),
                blankToNull(deviceId()),
                ip(),
                blankToNull(email()),
                country(),
                paymentMethod(),
                channel(),
                lowerCase(browser()),
                lowerCase(deviceType()),
                attributes());
    }

    /** Blank text as absent. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Blank text as absent, other text in lower case. */
    static String lowerCase(String value) {
        return value == null || value.isBlank() ? null : value.toLowerCase(Locale.ROOT);
    }
}
