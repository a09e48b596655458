package io.vigil.ingest.api;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field rules of the public API (ids, lengths, codes, the contract's value lists, the accepted time window),
 * written once: the REST adapters check requests with them, the import tool checks file lines with them before
 * sending, and the simulator's tests check its traffic with them. Each check returns every broken rule, in field
 * order, so that a client sees all of them at once; an empty list means Vigil accepts the request. Pure: no I/O, and
 * the time is the caller's.
 */
public final class ApiRules {

    /** Ids chosen by clients (transactions, operational events): 1-64 characters of letters, digits and {@code ._:-}. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public static final int MAX_MERCHANT_ID = 128;
    /** Free text of a transaction (customer, card fingerprint, device, e-mail, browser, device type, attributes). */
    public static final int MAX_TRANSACTION_TEXT = 256;
    /** Free text of an operational event (error code, browser, device type). */
    public static final int MAX_EVENT_TEXT = 64;

    public static final int MAX_NOTE = 2000;
    public static final int MAX_ATTRIBUTES = 50;
    /** Digits before the decimal point of an amount: amounts are below 10^15. */
    public static final int MAX_AMOUNT_DIGITS = 15;

    /** Client clocks drift and time zones get mixed up; a day ahead is the most a real event time can be. */
    public static final Duration MAX_AHEAD = Duration.ofHours(24);
    /** The earliest event time accepted. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /**
     * How far back an operational event's time may be, unless the server is configured otherwise
     * ({@code vigil.ingest.event-max-age}): a week of history (what monitors compare a minute with) and a day. Repeats
     * are recognised by id for {@code vigil.ingest.event-id-retention} (9 days) of receipt time, and this plus
     * {@link #MAX_AHEAD} fits in it, so an event accepted twice is always recognised as a repeat.
     */
    public static final Duration EVENT_MAX_AGE = Duration.ofDays(8);

    /** Digits after the decimal point beyond which an amount is refused before any arithmetic on it. */
    private static final int MAX_SCALE = 32;
    /** The most decimals of any currency (CLF, UYW), named when the currency itself is unknown. */
    private static final int MOST_DECIMALS = 4;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /**
     * The currencies in use: the ISO 4217 code the JDK gives each ISO 3166 country. Codes that are not money in
     * circulation (XXX "no currency", XTS "testing", XAU gold, XDR and the other X-codes but the CFA francs, XCD,
     * XCG and XPF) and withdrawn currencies (DEM, FRF) are not among them.
     */
    private static final Set<String> CURRENCIES = currenciesInUse();

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CARD_BIN = Pattern.compile("[0-9]{6,8}");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private ApiRules() {}

    /** The rules of {@code POST /api/v1/transactions}; {@code now} bounds the event time. */
    public static List<FieldViolation> transaction(TransactionFields t, Instant now) {
        Violations v = new Violations();
        v.id("id", t.id());
        v.eventTime("timestamp", t.timestamp(), now);
        Currency currency = v.currency("currency", t.currency());
        v.amount("amount", t.amount(), currency);
        if (v.required("merchantId", t.merchantId())) {
            v.text("merchantId", t.merchantId(), MAX_MERCHANT_ID);
        }
        v.text("customerId", t.customerId(), MAX_TRANSACTION_TEXT);
        v.text("cardFingerprint", t.cardFingerprint(), MAX_TRANSACTION_TEXT);
        v.text("deviceId", t.deviceId(), MAX_TRANSACTION_TEXT);
        boolean emailText = v.text("email", t.email(), MAX_TRANSACTION_TEXT);
        v.text("browser", t.browser(), MAX_TRANSACTION_TEXT);
        v.text("deviceType", t.deviceType(), MAX_TRANSACTION_TEXT);
        if (t.cardBin() != null && !CARD_BIN.matcher(t.cardBin()).matches()) {
            v.add("cardBin", "must be 6 to 8 digits");
        }
        if (t.ip() != null && !isIpLiteral(t.ip())) {
            v.add("ip", "must be an IPv4 or IPv6 address");
        }
        if (emailText && t.email() != null && !t.email().contains("@")) {
            v.add("email", "must be an e-mail address");
        }
        v.dimensions(t.country(), t.paymentMethod(), t.channel());
        v.attributes("attributes", t.attributes());
        return v.list;
    }

    /**
     * The rules of each operational event of {@code POST /api/v1/events} and {@code .../batch}, with the default
     * {@link #EVENT_MAX_AGE}.
     */
    public static List<FieldViolation> event(EventFields e, Instant now) {
        return event(e, now, EVENT_MAX_AGE);
    }

    /**
     * The rules of each operational event, its time at most {@code maxAge} before {@code now} and at most
     * {@link #MAX_AHEAD} after it: the window in which a repeated id is still recognised.
     */
    public static List<FieldViolation> event(EventFields e, Instant now, Duration maxAge) {
        Violations v = new Violations();
        v.id("id", e.id());
        v.eventTime("timestamp", e.timestamp(), now, maxAge);
        if (v.required("merchantId", e.merchantId())) {
            v.text("merchantId", e.merchantId(), MAX_MERCHANT_ID);
        }
        if (v.required("operation", e.operation())
                && Operation.ofWireName(e.operation()).isEmpty()) {
            v.add("operation", "must be " + WireNames.choices(Operation.values(), Operation::wireName));
        }
        if (v.required("outcome", e.outcome())
                && EventOutcome.ofWireName(e.outcome()).isEmpty()) {
            v.add("outcome", "must be " + WireNames.choices(EventOutcome.values(), EventOutcome::wireName));
        }
        if (e.errorCode() != null && EventOutcome.SUCCESS.wireName().equals(e.outcome())) {
            v.add("errorCode", "is only allowed with outcome " + EventOutcome.FAILURE.wireName());
        }
        v.text("errorCode", e.errorCode(), MAX_EVENT_TEXT);
        v.dimensions(e.country(), e.paymentMethod(), e.channel());
        v.text("browser", e.browser(), MAX_EVENT_TEXT);
        v.text("deviceType", e.deviceType(), MAX_EVENT_TEXT);
        return v.list;
    }

    /**
     * The rules of {@code POST /api/v1/transactions/{id}/outcome}. The timestamp is optional (the time of the report
     * stands in for it) and, when given, has the window of a transaction's time: from {@link #EARLIEST} to
     * {@link #MAX_AHEAD} after {@code now}. The note is free text of several lines.
     */
    public static List<FieldViolation> outcome(OutcomeFields o, Instant now) {
        Violations v = new Violations();
        if (v.required("outcome", o.outcome())
                && TransactionOutcome.ofWireName(o.outcome()).isEmpty()) {
            v.add("outcome", "must be " + WireNames.choices(TransactionOutcome.values(), TransactionOutcome::wireName));
        }
        if (o.timestamp() != null) {
            v.eventTime("timestamp", o.timestamp(), now);
        }
        v.freeText("note", o.note(), MAX_NOTE);
        return v.list;
    }

    /**
     * What is wrong with one line of text, or {@code null} when nothing is: longer than {@code max} characters, or
     * holding a control character (see {@link #controlCharacterAt}). For the text fields of every endpoint, in this
     * module and the others.
     */
    public static String textProblem(String value, int max) {
        return textProblem(value, max, false);
    }

    /** As {@link #textProblem(String, int)} for free text of several lines: line breaks and tabs are allowed. */
    public static String freeTextProblem(String value, int max) {
        return textProblem(value, max, true);
    }

    private static String textProblem(String value, int max, boolean lines) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return "must be at most " + max + " characters";
        }
        int at = controlCharacterAt(value, lines);
        if (at >= 0) {
            return String.format(
                    Locale.ROOT, "must not contain control characters (U+%04X at %d)", (int) value.charAt(at), at);
        }
        return null;
    }

    /**
     * The index of the first character Vigil refuses in text, or -1: the C0 and C1 control characters and DEL
     * (NUL among them, which PostgreSQL cannot store), the Unicode line and paragraph separators, the bidirectional
     * overrides and isolates (which make text read differently than it is), non-characters and unpaired surrogates.
     * With {@code lines}, line feed, carriage return and tab are allowed.
     */
    public static int controlCharacterAt(String value, boolean lines) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (lines && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c)
                    || c == '\u2028'
                    || c == '\u2029'
                    || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069')
                    || c == '\uFFFE'
                    || c == '\uFFFF') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the code is that of a currency in use (see {@link #CURRENCIES}). */
    public static boolean isCurrencyInUse(String code) {
        return code != null && CURRENCIES.contains(code);
    }

    private static Set<String> currenciesInUse() {
        Set<String> codes = new java.util.TreeSet<>();
        for (String country : COUNTRIES) {
            Currency currency = Currency.getInstance(new Locale("", country));
            if (currency != null && currency.getDefaultFractionDigits() >= 0) {
                codes.add(currency.getCurrencyCode());
            }
        }
        return Set.copyOf(codes);
    }

    /**
     * The instant a timestamp that passed these rules stands for: ISO-8601 with an offset, such as
     * {@code 2026-11-23T10:15:30Z} or {@code 2026-11-23T11:15:30+01:00}.
     *
     * @throws DateTimeParseException when the text is not such an instant
     */
    public static Instant instant(String timestamp) {
        return OffsetDateTime.parse(timestamp).toInstant();
    }

    /** {@code 6 days}, {@code 12 hours}: a window's length as messages name it. */
    static String describe(Duration d) {
        if (d.toHours() % 24 == 0 && d.toDays() > 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toMinutes() % 60 == 0 && d.toHours() > 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return d.toMinutes() + " minutes";
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

    /** The broken rules of one request, in the order they were found. */
    private static final class Violations {

        private final List<FieldViolation> list = new ArrayList<>(0);

        void add(String field, String message) {
            list.add(new FieldViolation(field, message));
        }

        /** Returns true when the value is present; records "is required" otherwise. */
        boolean required(String field, Object value) {
            if (value == null || (value instanceof String s && s.isBlank())) {
                add(field, "is required");
                return false;
            }
            return true;
        }

        void id(String field, String value) {
            if (required(field, value) && !ID.matcher(value).matches()) {
                add(field, "must be 1-64 characters of letters, digits and . _ : -");
            }
        }

        /** One line of text: at most {@code max} characters, no control character. Returns true when it passed. */
        boolean text(String field, String value, int max) {
            return check(field, textProblem(value, max));
        }

        /** Free text of several lines. */
        boolean freeText(String field, String value, int max) {
            return check(field, freeTextProblem(value, max));
        }

        private boolean check(String field, String problem) {
            if (problem != null) {
                add(field, problem);
                return false;
            }
            return true;
        }

        Instant instant(String field, String value) {
            try {
                return ApiRules.instant(value);
            } catch (DateTimeParseException e) {
                add(field, "must be an ISO-8601 instant such as 2026-11-23T10:15:30Z");
                return null;
            }
        }

        /** A required event time: an instant not before {@link #EARLIEST} and at most {@link #MAX_AHEAD} ahead. */
        void eventTime(String field, String value, Instant now) {
            eventTime(field, value, now, null);
        }

        /** As above, and with a {@code maxAge}, not more than that before {@code now}. */
        void eventTime(String field, String value, Instant now, Duration maxAge) {
            if (!required(field, value)) {
                return;
            }
            if (value.length() > 64) { // no instant is this long; spares the parser a hostile text
                add(field, "must be an ISO-8601 instant such as 2026-11-23T10:15:30Z");
                return;
            }
            Instant time = instant(field, value);
            if (time == null) {
                return;
            }
            if (time.isAfter(now.plus(MAX_AHEAD))) {
                add(field, "must not be more than " + MAX_AHEAD.toHours() + " hours in the future");
            } else if (maxAge != null && time.isBefore(now.minus(maxAge))) {
                add(field, "must not be more than " + describe(maxAge) + " in the past");
            } else if (time.isBefore(EARLIEST)) {
                add(field, "must not be before " + EARLIEST.toString().substring(0, 10));
            }
        }

        Currency currency(String field, String value) {
            if (!required(field, value)) {
                return null;
            }
            if (CURRENCY.matcher(value).matches()) {
                if (CURRENCIES.contains(value)) {
                    return Currency.getInstance(value);
                }
                if (Currency.getAvailableCurrencies().stream()
                        .anyMatch(c -> c.getCurrencyCode().equals(value))) {
                    add(field, "must be a currency in use; " + value + " is not money in circulation");
                    return null;
                }
            }
            add(field, "must be an ISO 4217 code such as EUR");
            return null;
        }

        /**
         * Greater than 0, below 10^15, with at most the currency's decimals (when the currency is known). The size
         * and the scale are read off the number as it came (its digits and exponent) before any arithmetic, so an
         * exponent such as {@code 1E-999999999} costs nothing to refuse.
         */
        void amount(String field, BigDecimal amount, Currency currency) {
            if (!required(field, amount)) {
                return;
            }
            int decimals = currency == null ? MOST_DECIMALS : currency.getDefaultFractionDigits();
            String tooPrecise = "must have at most " + decimals + " decimals"
                    + (currency == null ? "" : " for " + currency.getCurrencyCode());
            if (amount.signum() <= 0) {
                add(field, "must be greater than 0");
            } else if ((long) amount.precision() - amount.scale() > MAX_AMOUNT_DIGITS) {
                add(field, "must be less than 10^" + MAX_AMOUNT_DIGITS);
            } else if (amount.scale() > MAX_SCALE) {
                add(field, tooPrecise);
            } else if (currency != null && amount.stripTrailingZeros().scale() > decimals) {
                add(field, tooPrecise);
            }
        }

        /** The dimensions transactions and operational events share, checked alike. */
        void dimensions(String country, String paymentMethod, String channel) {
            if (country != null && !COUNTRIES.contains(country)) {
                add("country", "must be an ISO 3166-1 alpha-2 code such as SE");
            }
            if (paymentMethod != null && PaymentMethod.ofWireName(paymentMethod).isEmpty()) {
                add("paymentMethod", "must be " + WireNames.choices(PaymentMethod.values(), PaymentMethod::wireName));
            }
            if (channel != null && Channel.ofWireName(channel).isEmpty()) {
                add("channel", "must be " + WireNames.choices(Channel.values(), Channel::wireName));
            }
        }

        void attributes(String field, Map<String, String> attributes) {
            if (attributes == null) {
                return;
            }
            if (attributes.size() > MAX_ATTRIBUTES) {
                add(field, "must have at most " + MAX_ATTRIBUTES + " entries");
                return;
            }
            attributes.forEach((name, value) -> {
                String entry = field + "." + name;
                if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                    add(entry, "name must be 1-64 characters of letters, digits and _ . -");
                } else if (value == null) {
                    add(entry, "must be a string");
                } else {
                    text(entry, value, MAX_TRANSACTION_TEXT);
                }
            });
        }
    }
}
