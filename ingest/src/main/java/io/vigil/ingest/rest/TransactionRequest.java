package io.vigil.ingest.rest;

import io.vigil.ingest.api.TransactionDetails;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The body of {@code POST /api/v1/transactions}, exactly as the public contract names its fields. */
record TransactionRequest(
        String id,
        String timestamp,
        BigDecimal amount,
        String currency,
        String merchantId,
        String customerId,
        String cardFingerprint,
        String cardBin,
        String deviceId,
        String ip,
        String email,
        String country,
        String paymentMethod,
        String channel,
        String browser,
        String deviceType,
        Map<String, String> attributes) {

    static final Set<String> PAYMENT_METHODS =
            Set.of("card", "pay_later", "installments", "bank_transfer", "wallet", "other");
    static final Set<String> CHANNELS = Set.of("web", "app", "in_store", "other");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CARD_BIN = Pattern.compile("[0-9]{6,8}");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MAX_TEXT = 256;
    /** Client clocks drift and time zones get mixed up; a day ahead is the most a real event time can be. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofHours(24);

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final int MAX_ATTRIBUTES = 50;

    /** Checks every rule of the contract and returns the normalised details, or throws with all violations. */
    TransactionDetails validate() {
        Violations v = new Violations();
        v.id("id", id);
        Instant eventTime = parseTimestamp(v, timestamp);
        Currency currencyUnit = parseCurrency(v);
        checkAmount(v, currencyUnit);
        if (v.required("merchantId", merchantId)) {
            v.maxLength("merchantId", merchantId, 128);
        }
        for (var field : Map.of(
                        "customerId", nullToEmpty(customerId),
                        "cardFingerprint", nullToEmpty(cardFingerprint),
                        "deviceId", nullToEmpty(deviceId),
                        "email", nullToEmpty(email),
                        "browser", nullToEmpty(browser),
                        "deviceType", nullToEmpty(deviceType))
                .entrySet()) {
            v.maxLength(field.getKey(), field.getValue(), MAX_TEXT);
        }
        if (cardBin != null && !CARD_BIN.matcher(cardBin).matches()) {
            v.add("cardBin", "must be 6 to 8 digits");
        }
        if (ip != null && !isIpLiteral(ip)) {
            v.add("ip", "must be an IPv4 or IPv6 address");
        }
        if (email != null && !email.contains("@")) {
            v.add("email", "must be an e-mail address");
        }
        checkDimensions(v, country, paymentMethod, channel);
        checkAttributes(v);
        v.throwIfAny("Invalid transaction");
        return new TransactionDetails(
                id,
                eventTime,
                amount,
                currency,
                merchantId,
                blankToNull(customerId),
                blankToNull(cardFingerprint),
                cardBin,
                blankToNull(deviceId),
                ip,
                blankToNull(email),
                country,
                paymentMethod,
                channel,
                lowerCase(browser),
                lowerCase(deviceType),
                attributes);
    }

    /** The dimensions transactions and operational events share, checked alike. */
    static void checkDimensions(Violations v, String country, String paymentMethod, String channel) {
        if (country != null && !COUNTRIES.contains(country)) {
            v.add("country", "must be an ISO 3166-1 alpha-2 code such as SE");
        }
        if (paymentMethod != null && !PAYMENT_METHODS.contains(paymentMethod)) {
            v.add("paymentMethod", "must be one of card, pay_later, installments, bank_transfer, wallet, other");
        }
        if (channel != null && !CHANNELS.contains(channel)) {
            v.add("channel", "must be one of web, app, in_store, other");
        }
    }

    /** An event time: an ISO-8601 instant, not before 2000 and at most a day ahead of this clock. */
    static Instant parseTimestamp(Violations v, String timestamp) {
        if (!v.required("timestamp", timestamp)) {
            return null;
        }
        Instant parsed;
        try {
            parsed = OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            v.add("timestamp", "must be an ISO-8601 instant such as 2026-11-23T10:15:30Z");
            return null;
        }
        if (parsed.isAfter(Instant.now().plus(MAX_CLOCK_SKEW))) {
            v.add("timestamp", "must not be more than 24 hours in the future");
        } else if (parsed.isBefore(EARLIEST)) {
            v.add("timestamp", "must not be before 2000-01-01");
        }
        return parsed;
    }

    private Currency parseCurrency(Violations v) {
        if (!v.required("currency", currency)) {
            return null;
        }
        if (CURRENCY.matcher(currency).matches()) {
            try {
                return Currency.getInstance(currency);
            } catch (IllegalArgumentException unknown) {
                // reported below
            }
        }
        v.add("currency", "must be an ISO 4217 code such as EUR");
        return null;
    }

    private void checkAmount(Violations v, Currency currencyUnit) {
        if (!v.required("amount", amount)) {
            return;
        }
        if (amount.signum() <= 0) {
            v.add("amount", "must be greater than 0");
        } else if (currencyUnit != null
                && currencyUnit.getDefaultFractionDigits() >= 0
                && amount.stripTrailingZeros().scale() > currencyUnit.getDefaultFractionDigits()) {
            v.add(
                    "amount",
                    "must have at most " + currencyUnit.getDefaultFractionDigits() + " decimals for " + currency);
        } else if (amount.precision() - amount.scale() > 15) {
            v.add("amount", "must be less than 10^15");
        }
    }

    private void checkAttributes(Violations v) {
        if (attributes == null) {
            return;
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            v.add("attributes", "must have at most " + MAX_ATTRIBUTES + " entries");
            return;
        }
        attributes.forEach((key, value) -> {
            if (!ATTRIBUTE_KEY.matcher(key).matches()) {
                v.add("attributes." + key, "name must be 1-64 characters of letters, digits and _ . -");
            } else if (value == null) {
                v.add("attributes." + key, "must be a string");
            } else {
                v.maxLength("attributes." + key, value, MAX_TEXT);
            }
        });
    }

    private static boolean isIpLiteral(String value) {
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (!value.contains(":") || !IPV6_CHARS.matcher(value).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(value); // a literal with ':' is parsed, never looked up
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String lowerCase(String value) {
        return value == null || value.isBlank() ? null : value.toLowerCase(Locale.ROOT);
    }
}
