package io.vigil.ingest.rest;

import io.vigil.ingest.api.OperationalEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** One operational event as the public contract names its fields ({@code POST /api/v1/events}). */
record EventRequest(
        String id,
        String timestamp,
        String merchantId,
        String operation,
        String outcome,
        String errorCode,
        String country,
        String paymentMethod,
        String channel,
        String browser,
        String deviceType) {

    static final Set<String> OPERATIONS = Set.of("session", "authorization", "order");
    private static final int MAX_TEXT = 64;

    /** Checks the contract's rules, reporting each broken one to {@code v}; returns the event when all hold. */
    OperationalEvent validate(Violations v) {
        int before = v.size();
        v.id("id", id);
        Instant time = TransactionRequest.parseTimestamp(v, timestamp);
        if (v.required("merchantId", merchantId)) {
            v.maxLength("merchantId", merchantId, 128);
        }
        if (v.required("operation", operation) && !OPERATIONS.contains(operation)) {
            v.add("operation", "must be one of session, authorization, order");
        }
        if (v.required("outcome", outcome) && !outcome.equals("success") && !outcome.equals("failure")) {
            v.add("outcome", "must be success or failure");
        }
        if (errorCode != null && "success".equals(outcome)) {
            v.add("errorCode", "is only allowed with outcome failure");
        }
        v.maxLength("errorCode", errorCode, MAX_TEXT);
        TransactionRequest.checkDimensions(v, country, paymentMethod, channel);
        v.maxLength("browser", browser, MAX_TEXT);
        v.maxLength("deviceType", deviceType, MAX_TEXT);
        if (v.size() > before) {
            return null;
        }
        return new OperationalEvent(
                id,
                time,
                merchantId,
                operation,
                outcome.equals("success"),
                blankToNull(errorCode),
                blankToNull(country),
                blankToNull(paymentMethod),
                blankToNull(channel),
                lowerCase(browser),
                lowerCase(deviceType));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String lowerCase(String value) {
        return value == null || value.isBlank() ? null : value.toLowerCase(Locale.ROOT);
    }
}
