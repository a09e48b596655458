package io.vigil.patterns.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which of the two lists: a block-list hit declines a transaction, an allow-list hit approves it. */
public enum ListType {
    ALLOW,
    BLOCK;

    /** {@code allow} or {@code block}, as the REST API, the CSV import and the pattern store spell it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ListType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
