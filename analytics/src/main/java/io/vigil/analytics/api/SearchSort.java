package io.vigil.analytics.api;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The order of a transaction search: by time (the client's {@code timestamp}), score or amount, ascending or, with a
 * leading {@code -}, descending. Ties are broken in the same direction by time and then by the id's hash, so a page
 * boundary is stable.
 */
public enum SearchSort {
    TIME_DESC("-time"),
    TIME_ASC("time"),
    SCORE_DESC("-score"),
    SCORE_ASC("score"),
    AMOUNT_DESC("-amount"),
    AMOUNT_ASC("amount");

    private final String wireName;

    SearchSort(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean descending() {
        return wireName.startsWith("-");
    }

    /** The column sorted by: {@code time}, {@code score} or {@code amount}. */
    public String key() {
        return descending() ? wireName.substring(1) : wireName;
    }

    public static Optional<SearchSort> ofWireName(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }

    /** The sort a parameter names, or a 400-worthy {@link IllegalArgumentException} naming {@code field}. */
    public static SearchSort parse(String field, String wireName) {
        if (wireName == null || wireName.isBlank()) {
            return TIME_DESC;
        }
        return ofWireName(wireName)
                .orElseThrow(() -> new IllegalArgumentException(field + " must be one of "
                        + Arrays.stream(values()).map(SearchSort::wireName).collect(Collectors.joining(", "))));
    }
}
