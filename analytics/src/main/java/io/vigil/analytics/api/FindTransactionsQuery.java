package io.vigil.analytics.api;

import io.vigil.ingest.api.ApiRules;
import java.time.Instant;
import java.util.List;

/**
 * Searches the decided transactions (answered with {@link TransactionSearchPage}); every filter given must hold, a
 * {@code null} filter is no filter. Texts match whole values exactly. The checks run when the query is made: a broken
 * one is an {@link IllegalArgumentException} whose message starts with the parameter's name.
 *
 * @param transactionId the transaction's id
 * @param patternId an active pattern among the decision's reasons
 * @param label the transaction's label: {@code chargeback}, {@code confirmed_fraud}, {@code confirmed_legitimate}, or
 *     {@code none} for a transaction with no label
 * @param minScore lowest score, inclusive; {@code maxScore} highest, inclusive; the same for amounts, in the
 *     transaction's own currency units
 * @param from the earliest transaction time (the client's {@code timestamp}), inclusive; {@code to} exclusive
 * @param page the page, from 0; {@code size} rows per page, at most {@link #MAX_SIZE}, and no page may reach past the
 *     first {@link #MAX_ROWS} rows of a search
 */
public record FindTransactionsQuery(
        String transactionId,
        String customerId,
        String cardFingerprint,
        String deviceId,
        String email,
        String ip,
        String merchantId,
        String decision,
        String patternId,
        String label,
        Double minScore,
        Double maxScore,
        Double minAmount,
        Double maxAmount,
        Instant from,
        Instant to,
        SearchSort sort,
        int page,
        int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** How deep paging may go: page × size + size at most this. Narrow the search to see further. */
    public static final int MAX_ROWS = 10_000;

    public static final List<String> DECISIONS = List.of("approve", "review", "decline");
    public static final List<String> LABELS = List.of("chargeback", "confirmed_fraud", "confirmed_legitimate", "none");

    public FindTransactionsQuery {
        transactionId = text("id", transactionId, 64);
        customerId = text("customerId", customerId, ApiRules.MAX_TRANSACTION_TEXT);
        cardFingerprint = text("cardFingerprint", cardFingerprint, ApiRules.MAX_TRANSACTION_TEXT);
        deviceId = text("deviceId", deviceId, ApiRules.MAX_TRANSACTION_TEXT);
        email = text("email", email, ApiRules.MAX_TRANSACTION_TEXT);
        ip = text("ip", ip, ApiRules.MAX_TRANSACTION_TEXT);
        merchantId = text("merchantId", merchantId, ApiRules.MAX_MERCHANT_ID);
        patternId = text("patternId", patternId, ApiRules.MAX_TRANSACTION_TEXT);
        decision = oneOf("decision", text("decision", decision, 32), DECISIONS);
        label = oneOf("label", text("label", label, 32), LABELS);
        bounds("minScore", minScore, "maxScore", maxScore, 0, 100);
        bounds("minAmount", minAmount, "maxAmount", maxAmount, 0, 1e15);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        sort = sort == null ? SearchSort.TIME_DESC : sort;
        MonitoringRules.range("size", size, 1, MAX_SIZE);
        MonitoringRules.range("page", page, 0, MAX_ROWS / size - 1);
    }

    /** The newest transactions first, with no filter. */
    public static FindTransactionsQuery all(int page, int size) {
        return new FindTransactionsQuery(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                page, size);
    }

    /** Whether no filter is given. */
    public boolean unfiltered() {
        return transactionId == null
                && customerId == null
                && cardFingerprint == null
                && deviceId == null
                && email == null
                && ip == null
                && merchantId == null
                && decision == null
                && patternId == null
                && label == null
                && minScore == null
                && maxScore == null
                && minAmount == null
                && maxAmount == null
                && from == null
                && to == null;
    }

    /** A blank text is no filter; any other must be a line of text within its length. */
    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return MonitoringRules.text(field, value, max);
    }

    private static String oneOf(String field, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new IllegalArgumentException(
                    field + " must be one of " + String.join(", ", allowed) + ", not " + value);
        }
        return value;
    }

    private static void bounds(String minField, Double min, String maxField, Double max, double lowest, double top) {
        number(minField, min, lowest, top);
        number(maxField, max, lowest, top);
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException(minField + " must not be greater than " + maxField);
        }
    }

    private static void number(String field, Double value, double lowest, double top) {
        if (value != null && (!Double.isFinite(value) || value < lowest || value > top)) {
            throw new IllegalArgumentException(field + " must be a number from " + (long) lowest + " to "
                    + (top >= 1e15 ? "999999999999999" : String.valueOf((long) top)) + ", not " + value);
        }
    }
}
