package io.vigil.ingest.api;

import java.util.Optional;

/** How a purchase is paid ({@code paymentMethod} of transactions and operational events). */
public enum PaymentMethod {
    CARD,
    PAY_LATER,
    INSTALLMENTS,
    BANK_TRANSFER,
    WALLET,
    OTHER;

    /** The name on the wire, as the public contract spells it. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** The constant with this wire name; empty for any other text, including other cases. */
    public static Optional<PaymentMethod> ofWireName(String wireName) {
        return WireNames.find(values(), PaymentMethod::wireName, wireName);
    }
}
