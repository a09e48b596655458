package io.vigil.tools;

import io.vigil.tools.EventReader.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules Vigil's {@code POST /api/v1/events/batch} checks each event against, checked before sending so that one
 * bad line costs a message instead of a rejected batch of thousands. The messages are Vigil's own. Should Vigil ever
 * be stricter than this, its {@code 400} is mapped back to the file's lines all the same.
 */
final class EventRules {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final Set<String> OPERATIONS = Set.of("session", "authorization", "order");
    static final Set<String> OUTCOMES = Set.of("success", "failure");
    static final Set<String> PAYMENT_METHODS =
            Set.of("card", "pay_later", "installments", "bank_transfer", "wallet", "other");
    static final Set<String> CHANNELS = Set.of("web", "app", "in_store", "other");
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    static final int MAX_MERCHANT_ID = 128;
    static final int MAX_TEXT = 64;
    static final Duration MAX_CLOCK_SKEW = Duration.ofHours(24);
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private EventRules() {}

    /** Every rule the event breaks, in field order; empty when Vigil will accept it. */
    static List<Problem> check(ImportedEvent event, Instant now) {
        List<Problem> problems = new ArrayList<>(0);
        if (required(problems, "id", event.id()) && !ID.matcher(event.id()).matches()) {
            problems.add(new Problem("id", "must be 1-64 characters of letters, digits and . _ : -"));
        }
        if (required(problems, "timestamp", event.timestamp())) {
            checkTimestamp(problems, event.timestamp(), now);
        }
        if (required(problems, "merchantId", event.merchantId())) {
            maxLength(problems, "merchantId", event.merchantId(), MAX_MERCHANT_ID);
        }
        if (required(problems, "operation", event.operation()) && !OPERATIONS.contains(event.operation())) {
            problems.add(new Problem("operation", "must be one of session, authorization, order"));
        }
        if (required(problems, "outcome", event.outcome()) && !OUTCOMES.contains(event.outcome())) {
            problems.add(new Problem("outcome", "must be success or failure"));
        }
        if (event.errorCode() != null && "success".equals(event.outcome())) {
            problems.add(new Problem("errorCode", "is only allowed with outcome failure"));
        }
        maxLength(problems, "errorCode", event.errorCode(), MAX_TEXT);
        if (event.country() != null && !COUNTRIES.contains(event.country())) {
            problems.add(new Problem("country", "must be an ISO 3166-1 alpha-2 code such as SE"));
        }
        if (event.paymentMethod() != null && !PAYMENT_METHODS.contains(event.paymentMethod())) {
            problems.add(new Problem(
                    "paymentMethod", "must be one of card, pay_later, installments, bank_transfer, wallet, other"));
        }
        if (event.channel() != null && !CHANNELS.contains(event.channel())) {
            problems.add(new Problem("channel", "must be one of web, app, in_store, other"));
        }
        maxLength(problems, "browser", event.browser(), MAX_TEXT);
        maxLength(problems, "deviceType", event.deviceType(), MAX_TEXT);
        return problems;
    }

    private static boolean required(List<Problem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "is required"));
            return false;
        }
        return true;
    }

    private static void maxLength(List<Problem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(field, "must be at most " + max + " characters"));
        }
    }

    /** An ISO-8601 instant with an offset, not before 2000 and at most a day ahead of this clock, as Vigil takes. */
    private static void checkTimestamp(List<Problem> problems, String timestamp, Instant now) {
        Instant time;
        try {
            time = OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new Problem("timestamp", "must be an ISO-8601 instant such as 2026-11-23T10:15:30Z"));
            return;
        }
        if (time.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            problems.add(new Problem("timestamp", "must not be more than 24 hours in the future"));
        } else if (time.isBefore(EARLIEST)) {
            problems.add(new Problem("timestamp", "must not be before 2000-01-01"));
        }
    }
}
