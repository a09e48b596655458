package io.vigil.patterns.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which field of a transaction a list's values are compared with. */
public enum ListKind {
    /** {@code cardFingerprint}. */
    CARD,
    /** {@code cardBin}: a listed BIN of 6 to 8 digits matches every card whose BIN starts with it. */
    CARD_BIN,
    /** {@code email}, whatever its case. */
    EMAIL,
    /** {@code deviceId}. */
    DEVICE,
    /** {@code ip}, whatever the spelling of an IPv6 address. */
    IP,
    /** {@code customerId}. */
    CUSTOMER;

    /** {@code card}, {@code card_bin}, {@code email}, {@code device}, {@code ip} or {@code customer}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ListKind> ofWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }

    /** "card, card_bin, email, device, ip or customer", for messages. */
    public static String choices() {
        String all = Arrays.stream(values()).map(ListKind::wireName).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
