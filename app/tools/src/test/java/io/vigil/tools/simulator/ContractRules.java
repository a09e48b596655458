package io.vigil.tools.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The public API contract's rules, checked on the JSON bodies the simulator sends (not on its records), so that a
 * field the writer drops or misspells is caught too. Returns the broken rules; empty means valid.
 */
final class ContractRules {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Set<String> METHODS =
            Set.of("card", "pay_later", "installments", "bank_transfer", "wallet", "other");
    private static final Set<String> CHANNELS = Set.of("web", "app", "in_store", "other");
    private static final Set<String> OPERATIONS = Set.of("session", "authorization", "order");
    private static final Set<String> OUTCOMES = Set.of("success", "failure");
    private static final Set<String> LABELS = Set.of("chargeback", "confirmed_fraud", "confirmed_legitimate");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> TRANSACTION_FIELDS = Set.of(
            "id",
            "timestamp",
            "amount",
            "currency",
            "merchantId",
            "customerId",
            "cardFingerprint",
            "cardBin",
            "deviceId",
            "ip",
            "email",
            "country",
            "paymentMethod",
            "channel",
            "browser",
            "deviceType",
            "attributes");
    private static final Set<String> EVENT_FIELDS = Set.of(
            "id",
            "timestamp",
            "merchantId",
            "operation",
            "outcome",
            "errorCode",
            "country",
            "paymentMethod",
            "channel",
            "browser",
            "deviceType");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractRules() {}

    static List<String> violations(SimulationItem item) {
        JsonNode body;
        try {
            body = JSON.readTree(item.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> broken = new ArrayList<>();
        if (item instanceof TransactionItem) {
            transaction(body, broken);
        } else if (item instanceof EventItem) {
            event(body, broken);
        } else if (item instanceof OutcomeItem o) {
            check(broken, ID.matcher(o.transactionId()).matches(), "outcome transaction id " + o.transactionId());
            check(broken, LABELS.contains(text(body, "outcome")), "outcome " + text(body, "outcome"));
            timestamp(body, broken);
        }
        return broken.stream().map(b -> b + " in " + item.toJson()).toList();
    }

    private static void transaction(JsonNode body, List<String> broken) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            check(broken, TRANSACTION_FIELDS.contains(name), "unknown field " + name);
        }
        check(broken, ID.matcher(text(body, "id")).matches(), "id");
        timestamp(body, broken);
        JsonNode amount = body.get("amount");
        check(broken, amount != null && amount.isNumber(), "amount is a number");
        if (amount != null && amount.isNumber()) {
            BigDecimal value = amount.decimalValue();
            check(broken, value.signum() > 0, "amount > 0");
            check(broken, value.stripTrailingZeros().scale() <= 2, "amount has at most 2 decimals");
        }
        String currency = text(body, "currency");
        check(broken, currency.matches("[A-Z]{3}"), "currency is 3 letters");
        check(broken, isCurrency(currency), "currency is ISO 4217");
        check(
                broken,
                isCurrency(currency) && Currency.getInstance(currency).getDefaultFractionDigits() == 2,
                "currency has 2 decimals");
        check(broken, !text(body, "merchantId").isBlank(), "merchantId");
        optional(body, "country", broken, COUNTRIES::contains);
        optional(body, "paymentMethod", broken, METHODS::contains);
        optional(body, "channel", broken, CHANNELS::contains);
        optional(body, "cardBin", broken, v -> v.matches("[0-9]{6,8}"));
        optional(body, "ip", broken, v -> IPV4.matcher(v).matches());
        optional(body, "email", broken, v -> v.contains("@"));
        optional(body, "browser", broken, v -> v.equals(v.toLowerCase(Locale.ROOT)));
        optional(body, "deviceType", broken, v -> v.equals(v.toLowerCase(Locale.ROOT)));
        JsonNode attributes = body.get("attributes");
        if (attributes != null) {
            attributes.fields().forEachRemaining(e -> {
                check(broken, e.getKey().matches("[A-Za-z0-9_.-]{1,64}"), "attribute name " + e.getKey());
                check(broken, e.getValue().isTextual(), "attribute " + e.getKey() + " is a string");
            });
        }
    }

    private static void event(JsonNode body, List<String> broken) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            check(broken, EVENT_FIELDS.contains(name), "unknown field " + name);
        }
        check(broken, ID.matcher(text(body, "id")).matches(), "id");
        timestamp(body, broken);
        check(broken, !text(body, "merchantId").isBlank(), "merchantId");
        check(broken, OPERATIONS.contains(text(body, "operation")), "operation");
        String outcome = text(body, "outcome");
        check(broken, OUTCOMES.contains(outcome), "outcome");
        check(broken, body.has("errorCode") == outcome.equals("failure"), "errorCode exactly with failure");
        optional(body, "country", broken, COUNTRIES::contains);
        optional(body, "paymentMethod", broken, METHODS::contains);
        optional(body, "channel", broken, CHANNELS::contains);
    }

    private static void timestamp(JsonNode body, List<String> broken) {
        try {
            OffsetDateTime.parse(text(body, "timestamp"));
        } catch (RuntimeException e) {
            broken.add("timestamp is ISO-8601");
        }
    }

    private static void optional(
            JsonNode body, String field, List<String> broken, java.util.function.Predicate<String> rule) {
        JsonNode value = body.get(field);
        if (value != null) {
            check(broken, value.isTextual() && rule.test(value.asText()), field + " '" + value + "'");
        }
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || !value.isTextual() ? "" : value.asText();
    }

    private static void check(List<String> broken, boolean ok, String rule) {
        if (!ok) {
            broken.add(rule);
        }
    }
}
