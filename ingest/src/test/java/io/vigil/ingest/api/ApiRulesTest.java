package io.vigil.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each rule of the public API, with the values on either side of its limits and the messages clients see. */
class ApiRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    record Transaction(
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
            Map<String, String> attributes)
            implements TransactionFields {}

    record Event(
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
            String deviceType)
            implements EventFields {}

    record Outcome(String outcome, String timestamp, String note) implements OutcomeFields {}

    private static Transaction transaction() {
        return new Transaction(
                "tx-000123",
                "2026-11-23T10:15:30Z",
                new BigDecimal("129.90"),
                "EUR",
                "m-42",
                "c-981",
                "card-7f3a",
                "411111",
                "d-19",
                "203.0.113.7",
                "ann@example.com",
                "SE",
                "card",
                "web",
                "chrome",
                "mobile",
                Map.of("any", "string values"));
    }

    /** The valid transaction with one field changed, by its JSON name. */
    private static Transaction transaction(String field, Object value) {
        Transaction t = transaction();
        Map<String, Object> f = new HashMap<>();
        for (var component : Transaction.class.getRecordComponents()) {
            try {
                f.put(component.getName(), component.getAccessor().invoke(t));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(f).containsKey(field);
        f.put(field, value);
        @SuppressWarnings("unchecked")
        Map<String, String> attributes = (Map<String, String>) f.get("attributes");
        return new Transaction(
                (String) f.get("id"),
                (String) f.get("timestamp"),
                (BigDecimal) f.get("amount"),
                (String) f.get("currency"),
                (String) f.get("merchantId"),
                (String) f.get("customerId"),
                (String) f.get("cardFingerprint"),
                (String) f.get("cardBin"),
                (String) f.get("deviceId"),
                (String) f.get("ip"),
                (String) f.get("email"),
                (String) f.get("country"),
                (String) f.get("paymentMethod"),
                (String) f.get("channel"),
                (String) f.get("browser"),
                (String) f.get("deviceType"),
                attributes);
    }

    private static List<String> broken(Transaction t) {
        return ApiRules.transaction(t, NOW).stream()
                .map(v -> v.field() + ": " + v.message())
                .toList();
    }

    private static Event event() {
        return new Event(
                "ev-1",
                "2026-11-23T10:15:30Z",
                "m-42",
                "authorization",
                "failure",
                "timeout",
                "SE",
                "card",
                "web",
                "chrome",
                "mobile");
    }

    private static Event event(String field, String value) {
        String[] v = {
            "ev-1",
            "2026-11-23T10:15:30Z",
            "m-42",
            "authorization",
            "failure",
            "timeout",
            "SE",
            "card",
            "web",
            "chrome",
            "mobile"
        };
        List<String> names = Arrays.stream(Event.class.getRecordComponents())
                .map(c -> c.getName())
                .toList();
        assertThat(names).contains(field);
        v[names.indexOf(field)] = value;
        return new Event(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    private static List<String> broken(Event e) {
        return ApiRules.event(e, NOW).stream()
                .map(v -> v.field() + ": " + v.message())
                .toList();
    }

    private static List<String> broken(Outcome o) {
        return ApiRules.outcome(o, NOW).stream()
                .map(v -> v.field() + ": " + v.message())
                .toList();
    }

    @Nested
    class Transactions {

        @Test
        void aFullTransactionIsValid() {
            assertThat(broken(transaction())).isEmpty();
        }

        @Test
        void everyRequiredFieldMissingIsReportedInFieldOrder() {
            Transaction empty = new Transaction(
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null);
            assertThat(broken(empty))
                    .containsExactly(
                            "id: is required",
                            "timestamp: is required",
                            "currency: is required",
                            "amount: is required",
                            "merchantId: is required");
            assertThat(broken(transaction("merchantId", "  "))).containsExactly("merchantId: is required");
        }

        @Test
        void idsAre1To64LettersDigitsAndDotUnderscoreColonDash() {
            assertThat(broken(transaction("id", "x".repeat(64)))).isEmpty();
            assertThat(broken(transaction("id", "a.b_c:d-E9")))
                    .as("every allowed character")
                    .isEmpty();
            assertThat(broken(transaction("id", "x".repeat(65))))
                    .containsExactly("id: must be 1-64 characters of letters, digits and . _ : -");
            assertThat(broken(transaction("id", "tx 1")))
                    .containsExactly("id: must be 1-64 characters of letters, digits and . _ : -");
            assertThat(broken(transaction("id", "tx/1"))).hasSize(1);
            assertThat(broken(transaction("id", ""))).containsExactly("id: is required");
        }

        @Test
        void anEventTimeIsAnInstantWithAnOffsetFrom2000ToADayAhead() {
            assertThat(broken(transaction("timestamp", "2026-11-23T11:15:30+01:00")))
                    .isEmpty();
            assertThat(broken(transaction("timestamp", "2026-11-23T10:15:30.123Z")))
                    .isEmpty();
            assertThat(broken(transaction("timestamp", "2026-11-23T10:15:30")))
                    .containsExactly("timestamp: must be an ISO-8601 instant such as 2026-11-23T10:15:30Z");
            assertThat(broken(transaction("timestamp", "23/11/2026")))
                    .containsExactly("timestamp: must be an ISO-8601 instant such as 2026-11-23T10:15:30Z");
            assertThat(broken(transaction(
                            "timestamp", NOW.plus(ApiRules.MAX_AHEAD).toString())))
                    .isEmpty();
            assertThat(broken(transaction(
                            "timestamp",
                            NOW.plus(ApiRules.MAX_AHEAD).plusSeconds(1).toString())))
                    .containsExactly("timestamp: must not be more than 24 hours in the future");
            assertThat(broken(transaction("timestamp", "2000-01-01T00:00:00Z"))).isEmpty();
            assertThat(broken(transaction("timestamp", "1999-12-31T23:59:59Z")))
                    .containsExactly("timestamp: must not be before 2000-01-01");
        }

        @Test
        void theWindowMovesWithTheCallersClock() {
            Transaction inTwoDays =
                    transaction("timestamp", NOW.plus(Duration.ofDays(2)).toString());
            assertThat(ApiRules.transaction(inTwoDays, NOW)).hasSize(1);
            assertThat(ApiRules.transaction(inTwoDays, NOW.plus(Duration.ofDays(1))))
                    .isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                0.01               | EUR | ''
                10.500             | EUR | ''
                1000               | JPY | ''
                999999999999999.99 | EUR | ''
                0                  | EUR | amount: must be greater than 0
                -5                 | EUR | amount: must be greater than 0
                10.001             | EUR | amount: must have at most 2 decimals for EUR
                10.5               | JPY | amount: must have at most 0 decimals for JPY
                1.0005             | BHD | amount: must have at most 3 decimals for BHD
                1000000000000000   | EUR | amount: must be less than 10^15
                1E+20              | EUR | amount: must be less than 10^15
                1E+999999999       | EUR | amount: must be less than 10^15
                1E-999999999       | EUR | amount: must have at most 2 decimals for EUR
                1E-999999999       | JPY | amount: must have at most 0 decimals for JPY
                0.5E-30            | EUR | amount: must have at most 2 decimals for EUR
                12.50000000000000000000000000000000000000 | EUR | amount: must have at most 2 decimals for EUR
                12.500000000000    | EUR | ''
                10                 | KWD | ''
                1.234              | KWD | ''
                1.2345             | KWD | amount: must have at most 3 decimals for KWD
                """)
        void amountsArePositiveBelow10To15WithTheCurrencysDecimals(String amount, String currency, String expected) {
            Transaction t = transaction("amount", new BigDecimal(amount));
            t = new Transaction(
                    t.id(),
                    t.timestamp(),
                    t.amount(),
                    currency,
                    t.merchantId(),
                    t.customerId(),
                    t.cardFingerprint(),
                    t.cardBin(),
                    t.deviceId(),
                    t.ip(),
                    t.email(),
                    t.country(),
                    t.paymentMethod(),
                    t.channel(),
                    t.browser(),
                    t.deviceType(),
                    t.attributes());
            if (expected.isEmpty()) {
                assertThat(broken(t)).isEmpty();
            } else {
                assertThat(broken(t)).containsExactly(expected);
            }
        }

        @Test
        void currenciesAreIso4217Codes() {
            for (String bad : List.of("EURO", "eur", "XYZ", "E1R")) {
                assertThat(broken(transaction("currency", bad)))
                        .as(bad)
                        .containsExactly("currency: must be an ISO 4217 code such as EUR");
            }
            assertThat(broken(transaction("currency", "SEK"))).isEmpty();
        }

        @Test
        void anUnknownCurrencyDoesNotAlsoFailTheAmountsDecimals() {
            assertThat(broken(transaction("currency", "XYZ"))).hasSize(1);
        }

        @Test
        void currenciesAreMoneyInCirculation() {
            for (String notMoney : List.of("XXX", "XTS", "XAU", "XAG", "XDR", "XBA", "XSU", "XUA", "DEM", "FRF")) {
                assertThat(broken(transaction("currency", notMoney)))
                        .as(notMoney)
                        .containsExactly(
                                "currency: must be a currency in use; " + notMoney + " is not money in circulation");
            }
            for (String money : List.of("EUR", "USD", "SEK", "JPY", "KWD", "BHD", "XAF", "XOF", "XCD", "XPF", "CHF")) {
                assertThat(ApiRules.isCurrencyInUse(money)).as(money).isTrue();
            }
        }

        @Test
        void anAbsurdScaleIsRefusedEvenWithoutAKnownCurrency() {
            Transaction t = transaction("amount", new BigDecimal("1E-999999999"));
            t = new Transaction(
                    t.id(),
                    t.timestamp(),
                    t.amount(),
                    "XXX",
                    t.merchantId(),
                    t.customerId(),
                    t.cardFingerprint(),
                    t.cardBin(),
                    t.deviceId(),
                    t.ip(),
                    t.email(),
                    t.country(),
                    t.paymentMethod(),
                    t.channel(),
                    t.browser(),
                    t.deviceType(),
                    t.attributes());
            assertThat(broken(t))
                    .containsExactly(
                            "currency: must be a currency in use; XXX is not money in circulation",
                            "amount: must have at most 4 decimals");
        }

        @Test
        void controlCharactersAreRefusedInEveryText() {
            for (String field :
                    List.of("merchantId", "customerId", "cardFingerprint", "deviceId", "browser", "deviceType")) {
                assertThat(broken(transaction(field, "a\u0000b")))
                        .as(field)
                        .containsExactly(field + ": must not contain control characters (U+0000 at 1)");
                assertThat(broken(transaction(field, "a\tb"))).as(field).hasSize(1);
                assertThat(broken(transaction(field, "a\u2028b"))).as(field).hasSize(1);
                assertThat(broken(transaction(field, "a\uD800b")))
                        .as("unpaired surrogate in " + field)
                        .hasSize(1);
                assertThat(broken(transaction(field, "ann \uD83D\uDE00 é")))
                        .as(field)
                        .isEmpty();
            }
            assertThat(broken(transaction("email", "ann\u0000@example.com")))
                    .containsExactly("email: must not contain control characters (U+0000 at 3)");
            assertThat(broken(transaction("attributes", Map.of("plan", "gold\u007F"))))
                    .containsExactly("attributes.plan: must not contain control characters (U+007F at 4)");
        }

        @Test
        void textsHaveTheirLengthLimits() {
            assertThat(broken(transaction("merchantId", "m".repeat(128)))).isEmpty();
            assertThat(broken(transaction("merchantId", "m".repeat(129))))
                    .containsExactly("merchantId: must be at most 128 characters");
            for (String field : List.of("customerId", "cardFingerprint", "deviceId", "browser", "deviceType")) {
                assertThat(broken(transaction(field, "x".repeat(256))))
                        .as(field)
                        .isEmpty();
                assertThat(broken(transaction(field, "x".repeat(257))))
                        .as(field)
                        .containsExactly(field + ": must be at most 256 characters");
            }
            assertThat(broken(transaction("email", "a@" + "x".repeat(254)))).isEmpty();
            assertThat(broken(transaction("email", "a@" + "x".repeat(255))))
                    .containsExactly("email: must be at most 256 characters");
        }

        @Test
        void cardBinsIpsAndEmailsHaveTheirShapes() {
            assertThat(broken(transaction("cardBin", "123456"))).isEmpty();
            assertThat(broken(transaction("cardBin", "12345678"))).isEmpty();
            for (String bad : List.of("12345", "123456789", "41111a", "41")) {
                assertThat(broken(transaction("cardBin", bad)))
                        .as(bad)
                        .containsExactly("cardBin: must be 6 to 8 digits");
            }
            for (String good : List.of("0.0.0.0", "255.255.255.255", "2001:db8::7", "::1", "::ffff:10.0.0.1")) {
                assertThat(broken(transaction("ip", good))).as(good).isEmpty();
            }
            for (String bad : List.of("256.1.1.1", "999.1.1.1", "1.2.3", "example.com", "01.2.3.4", "fe80::zz")) {
                assertThat(broken(transaction("ip", bad)))
                        .as(bad)
                        .containsExactly("ip: must be an IPv4 or IPv6 address");
            }
            assertThat(broken(transaction("email", "not-an-address")))
                    .containsExactly("email: must be an e-mail address");
        }

        @Test
        void countriesPaymentMethodsAndChannelsComeFromTheirLists() {
            assertThat(broken(transaction("country", "XX")))
                    .containsExactly("country: must be an ISO 3166-1 alpha-2 code such as SE");
            assertThat(broken(transaction("country", "se"))).hasSize(1);
            for (PaymentMethod method : PaymentMethod.values()) {
                assertThat(broken(transaction("paymentMethod", method.wireName())))
                        .isEmpty();
            }
            assertThat(broken(transaction("paymentMethod", "cash")))
                    .containsExactly(
                            "paymentMethod: must be one of card, pay_later, installments, bank_transfer, wallet, other");
            assertThat(broken(transaction("paymentMethod", "CARD"))).hasSize(1);
            for (Channel channel : Channel.values()) {
                assertThat(broken(transaction("channel", channel.wireName()))).isEmpty();
            }
            assertThat(broken(transaction("channel", "phone")))
                    .containsExactly("channel: must be one of web, app, in_store, other");
        }

        @Test
        void attributesAreAtMost50NamedStrings() {
            Map<String, String> fifty = new LinkedHashMap<>();
            for (int i = 0; i < 50; i++) {
                fifty.put("a" + i, "v");
            }
            assertThat(broken(transaction("attributes", fifty))).isEmpty();
            Map<String, String> fiftyOne = new LinkedHashMap<>(fifty);
            fiftyOne.put("one-more", "v");
            assertThat(broken(transaction("attributes", fiftyOne)))
                    .containsExactly("attributes: must have at most 50 entries");

            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("has space", "v");
            bad.put("x".repeat(65), "v");
            bad.put("nothing", null);
            bad.put("long", "v".repeat(257));
            bad.put("ok_name.1-2", "v".repeat(256));
            assertThat(broken(transaction("attributes", bad)))
                    .containsExactly(
                            "attributes.has space: name must be 1-64 characters of letters, digits and _ . -",
                            "attributes." + "x".repeat(65)
                                    + ": name must be 1-64 characters of letters, digits and _ . -",
                            "attributes.nothing: must be a string",
                            "attributes.long: must be at most 256 characters");
        }
    }

    @Nested
    class Events {

        @Test
        void aFullEventIsValid() {
            assertThat(broken(event())).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                id            | ev 1                 | id: must be 1-64 characters of letters, digits and . _ : -
                id            | ''                   | id: is required
                timestamp     | 2026-11-23T10:15:30  | timestamp: must be an ISO-8601 instant such as 2026-11-23T10:15:30Z
                timestamp     | 2026-11-25T12:00:01Z | timestamp: must not be more than 24 hours in the future
                timestamp     | 2026-11-16T11:59:59Z | timestamp: must not be more than 8 days in the past
                timestamp     | 1999-12-31T23:59:59Z | timestamp: must not be more than 8 days in the past
                merchantId    | '   '                | merchantId: is required
                operation     | refund               | operation: must be one of session, authorization, order
                operation     | ''                   | operation: is required
                outcome       | SUCCESS              | outcome: must be success or failure
                country       | se                   | country: must be an ISO 3166-1 alpha-2 code such as SE
                country       | ''                   | country: must be an ISO 3166-1 alpha-2 code such as SE
                paymentMethod | crypto               | paymentMethod: must be one of card, pay_later, installments, bank_transfer, wallet, other
                channel       | phone                | channel: must be one of web, app, in_store, other
                """)
        void eachRuleHasItsMessage(String field, String value, String expected) {
            assertThat(broken(event(field, value == null ? "" : value))).containsExactly(expected);
        }

        @Test
        void theTimeWindowEndsExactlyADayAheadAndStartsExactly8DaysBack() {
            assertThat(broken(event("timestamp", "2026-11-25T12:00:00Z"))).isEmpty();
            assertThat(broken(event("timestamp", "2026-11-16T12:00:00Z"))).isEmpty();
        }

        @Test
        void theWindowBackIsTheServersSetting() {
            Event twoDaysOld = event("timestamp", NOW.minus(Duration.ofDays(2)).toString());
            assertThat(ApiRules.event(twoDaysOld, NOW, Duration.ofDays(2))).isEmpty();
            assertThat(ApiRules.event(twoDaysOld, NOW, Duration.ofDays(2).minusSeconds(1)))
                    .extracting(FieldViolation::message)
                    .containsExactly("must not be more than 2879 minutes in the past");
            assertThat(ApiRules.event(twoDaysOld, NOW, Duration.ofHours(12)))
                    .extracting(FieldViolation::message)
                    .containsExactly("must not be more than 12 hours in the past");
        }

        @Test
        void controlCharactersAreRefusedInEveryText() {
            for (String field : List.of("merchantId", "errorCode", "browser", "deviceType")) {
                assertThat(broken(event(field, "a\u0000b")))
                        .as(field)
                        .containsExactly(field + ": must not contain control characters (U+0000 at 1)");
                assertThat(broken(event(field, "a\nb"))).as(field).hasSize(1);
            }
        }

        @Test
        void anErrorCodeGoesOnlyWithAFailure() {
            Event success = event("outcome", "success");
            assertThat(broken(success)).containsExactly("errorCode: is only allowed with outcome failure");
            assertThat(broken(new Event(
                            "ev-1",
                            "2026-11-23T10:15:30Z",
                            "m-42",
                            "order",
                            "success",
                            "",
                            null,
                            null,
                            null,
                            null,
                            null)))
                    .as("even an empty one")
                    .containsExactly("errorCode: is only allowed with outcome failure");
            assertThat(broken(event("errorCode", null))).isEmpty();
            assertThat(broken(event("errorCode", ""))).isEmpty();
        }

        @Test
        void textsHaveTheirLengthLimits() {
            assertThat(broken(event("merchantId", "m".repeat(128)))).isEmpty();
            assertThat(broken(event("merchantId", "m".repeat(129))))
                    .containsExactly("merchantId: must be at most 128 characters");
            for (String field : List.of("errorCode", "browser", "deviceType")) {
                assertThat(broken(event(field, "x".repeat(64)))).as(field).isEmpty();
                assertThat(broken(event(field, "x".repeat(65))))
                        .as(field)
                        .containsExactly(field + ": must be at most 64 characters");
            }
        }

        @Test
        void everyBrokenRuleIsReportedInFieldOrder() {
            Event wrong = new Event("?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?");
            assertThat(broken(wrong))
                    .containsExactly(
                            "id: must be 1-64 characters of letters, digits and . _ : -",
                            "timestamp: must be an ISO-8601 instant such as 2026-11-23T10:15:30Z",
                            "operation: must be one of session, authorization, order",
                            "outcome: must be success or failure",
                            "country: must be an ISO 3166-1 alpha-2 code such as SE",
                            "paymentMethod: must be one of card, pay_later, installments, bank_transfer, wallet, other",
                            "channel: must be one of web, app, in_store, other");
            Event empty = new Event(null, null, null, null, null, null, null, null, null, null, null);
            assertThat(broken(empty))
                    .containsExactly(
                            "id: is required",
                            "timestamp: is required",
                            "merchantId: is required",
                            "operation: is required",
                            "outcome: is required");
        }
    }

    @Nested
    class Outcomes {

        @ParameterizedTest
        @EnumSource(TransactionOutcome.class)
        void eachOutcomeOfTheContractIsAccepted(TransactionOutcome outcome) {
            assertThat(broken(new Outcome(outcome.wireName(), null, null))).isEmpty();
        }

        @Test
        void theOutcomeIsRequiredAndFromTheList() {
            assertThat(broken(new Outcome(null, null, null))).containsExactly("outcome: is required");
            assertThat(broken(new Outcome("maybe", null, null)))
                    .containsExactly("outcome: must be one of chargeback, confirmed_fraud, confirmed_legitimate");
            assertThat(broken(new Outcome("CHARGEBACK", null, null))).hasSize(1);
        }

        @Test
        void theTimestampIsOptionalAndTheNoteAtMost2000Characters() {
            assertThat(broken(new Outcome("chargeback", null, "n".repeat(2000))))
                    .isEmpty();
            assertThat(broken(new Outcome("chargeback", "2026-11-20T00:00:00Z", "n".repeat(2000))))
                    .isEmpty();
            assertThat(broken(new Outcome("chargeback", "yesterday", "n".repeat(2001))))
                    .containsExactly(
                            "timestamp: must be an ISO-8601 instant such as 2026-11-23T10:15:30Z",
                            "note: must be at most 2000 characters");
        }

        @Test
        void theTimestampHasTheWindowOfATransaction() {
            assertThat(broken(new Outcome("chargeback", "+999999999-12-31T23:59:59Z", null)))
                    .containsExactly("timestamp: must not be more than 24 hours in the future");
            assertThat(broken(new Outcome("chargeback", "2099-01-01T00:00:00Z", null)))
                    .containsExactly("timestamp: must not be more than 24 hours in the future");
            assertThat(broken(new Outcome("chargeback", "1999-12-31T23:59:59Z", null)))
                    .containsExactly("timestamp: must not be before 2000-01-01");
            assertThat(broken(new Outcome("chargeback", "2000-01-01T00:00:00Z", null)))
                    .as("an old transaction may learn its outcome late")
                    .isEmpty();
        }

        @Test
        void aNoteMayHaveLinesButNoOtherControlCharacter() {
            assertThat(broken(new Outcome("chargeback", null, "issuer notice\r\n\tcase 12")))
                    .isEmpty();
            assertThat(broken(new Outcome("chargeback", null, "issuer\u0000notice")))
                    .containsExactly("note: must not contain control characters (U+0000 at 6)");
            assertThat(broken(new Outcome("chargeback", null, "evil\u202Eetoneton")))
                    .containsExactly("note: must not contain control characters (U+202E at 4)");
        }
    }

    @Test
    void theEnumsSpellTheContractsWireNames() {
        assertThat(names(Operation.values(), Operation::wireName)).containsExactly("session", "authorization", "order");
        assertThat(names(EventOutcome.values(), EventOutcome::wireName)).containsExactly("success", "failure");
        assertThat(names(PaymentMethod.values(), PaymentMethod::wireName))
                .containsExactly("card", "pay_later", "installments", "bank_transfer", "wallet", "other");
        assertThat(names(Channel.values(), Channel::wireName)).containsExactly("web", "app", "in_store", "other");
        assertThat(names(TransactionOutcome.values(), TransactionOutcome::wireName))
                .containsExactly("chargeback", "confirmed_fraud", "confirmed_legitimate");
        assertThat(PaymentMethod.ofWireName("pay_later")).contains(PaymentMethod.PAY_LATER);
        assertThat(Channel.ofWireName("in_store")).contains(Channel.IN_STORE);
        assertThat(Channel.ofWireName("IN_STORE")).isEmpty();
        assertThat(Operation.ofWireName(null)).isEmpty();
    }

    @Test
    void anInstantIsReadWithItsOffset() {
        assertThat(ApiRules.instant("2026-11-23T11:15:30+01:00")).isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));
    }

    private static <E> List<String> names(E[] values, Function<E, String> wireName) {
        return Arrays.stream(values).map(wireName).toList();
    }
}
