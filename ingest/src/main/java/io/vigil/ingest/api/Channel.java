package io.vigil.ingest.api;

import java.util.Optional;

/** Where a purchase is made ({@code channel} of transactions and operational events). */
public enum Channel {
    WEB,
    APP,
    IN_STORE,
    OTHER;

    /** The name on the wire, as the public contract spells it. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** The constant with this wire name; empty for any other text, including other cases. */
    public static Optional<Channel> ofWireName(String wireName) {
        return WireNames.find(values(), Channel::wireName, wireName);
    }
}
