package io.vigil.scoring.features;

import io.vigil.ingest.api.TransactionDetails;
import java.util.Locale;
import java.util.function.Function;

/** The entities Vigil keeps velocity features for, and where each one's key is in a transaction. */
public enum EntityKind {
    CUSTOMER(TransactionDetails::customerId),
    CARD(TransactionDetails::cardFingerprint),
    DEVICE(TransactionDetails::deviceId),
    IP(TransactionDetails::ip),
    EMAIL(TransactionDetails::email),
    MERCHANT(TransactionDetails::merchantId);

    private final Function<TransactionDetails, String> key;

    EntityKind(Function<TransactionDetails, String> key) {
        this.key = key;
    }

    /** This entity's key in the transaction, or null when the transaction does not name one. */
    public String keyOf(TransactionDetails transaction) {
        String value = key.apply(transaction);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The name used in the pattern language: {@code features.card.count_5m}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
