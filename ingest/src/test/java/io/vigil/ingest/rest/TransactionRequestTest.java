package io.vigil.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vigil.ingest.api.FieldViolation;
import io.vigil.ingest.api.TransactionDetails;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransactionRequestTest {

    @Test
    void acceptsAFullRequestAndNormalisesIt() {
        TransactionDetails details = valid().validate(Instant.now());

        assertThat(details.transactionId()).isEqualTo("tx-000123");
        assertThat(details.amount()).isEqualByComparingTo("129.9");
        assertThat(details.browser()).isEqualTo("chrome");
        assertThat(details.timestamp()).hasToString("2026-11-23T10:15:30Z");
    }

    @Test
    void acceptsTimestampsWithAnOffset() {
        TransactionRequest r = with(valid(), "timestamp", "2026-11-23T11:15:30+01:00");
        assertThat(r.validate(Instant.now()).timestamp()).hasToString("2026-11-23T10:15:30Z");
    }

    @Test
    void reportsEveryMissingRequiredField() {
        TransactionRequest empty = new TransactionRequest(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(violations(empty))
                .extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("id", "timestamp", "amount", "currency", "merchantId");
    }

    @Test
    void rejectsEachInvalidField() {
        assertInvalid(with(valid(), "id", "tx 1"), "id");
        assertInvalid(with(valid(), "id", "x".repeat(65)), "id");
        assertInvalid(with(valid(), "timestamp", "yesterday"), "timestamp");
        assertInvalid(with(valid(), "currency", "EURO"), "currency");
        assertInvalid(with(valid(), "currency", "XYZ"), "currency");
        assertInvalid(with(valid(), "country", "XX"), "country");
        assertInvalid(with(valid(), "paymentMethod", "cash"), "paymentMethod");
        assertInvalid(with(valid(), "channel", "phone"), "channel");
        assertInvalid(with(valid(), "cardBin", "41"), "cardBin");
        assertInvalid(with(valid(), "ip", "999.1.1.1"), "ip");
        assertInvalid(with(valid(), "ip", "example.com"), "ip");
        assertInvalid(with(valid(), "email", "not-an-address"), "email");
    }

    @Test
    void rejectsAmountsThatAreNotPositiveOrHaveTooManyDecimals() {
        assertThat(violations(withAmount(valid(), "0", "EUR")))
                .containsExactly(new FieldViolation("amount", "must be greater than 0"));
        assertInvalid(withAmount(valid(), "-5", "EUR"), "amount");
        assertInvalid(withAmount(valid(), "10.001", "EUR"), "amount");
        assertInvalid(withAmount(valid(), "10.5", "JPY"), "amount");
        assertThat(withAmount(valid(), "10.500", "EUR").validate(Instant.now()).amount())
                .isEqualByComparingTo("10.5");
        assertThat(withAmount(valid(), "1000", "JPY").validate(Instant.now()).amount())
                .isEqualByComparingTo("1000");
    }

    @Test
    void rejectsEventTimesFarInTheFutureOrBefore2000() {
        assertInvalid(
                with(
                        valid(),
                        "timestamp",
                        java.time.Instant.now().plusSeconds(2 * 86400).toString()),
                "timestamp");
        assertInvalid(with(valid(), "timestamp", "1999-12-31T23:59:59Z"), "timestamp");
        assertThat(with(
                                valid(),
                                "timestamp",
                                java.time.Instant.now().plusSeconds(3600).toString())
                        .validate(Instant.now()))
                .isNotNull();
    }

    @Test
    void acceptsIpv6Addresses() {
        assertThat(with(valid(), "ip", "2001:db8::7").validate(Instant.now()).ip())
                .isEqualTo("2001:db8::7");
    }

    private static void assertInvalid(TransactionRequest request, String field) {
        assertThat(violations(request)).extracting(FieldViolation::field).containsExactly(field);
    }

    private static java.util.List<FieldViolation> violations(TransactionRequest request) {
        InvalidRequestException e =
                catchThrowableOfType(InvalidRequestException.class, () -> request.validate(Instant.now()));
        assertThat(e).as("expected the request to be rejected").isNotNull();
        return e.violations();
    }

    static TransactionRequest valid() {
        return new TransactionRequest(
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
                "Chrome",
                "mobile",
                Map.of("any", "string values"));
    }

    private static TransactionRequest withAmount(TransactionRequest r, String amount, String currency) {
        return new TransactionRequest(
                r.id(),
                r.timestamp(),
                new BigDecimal(amount),
                currency,
                r.merchantId(),
                r.customerId(),
                r.cardFingerprint(),
                r.cardBin(),
                r.deviceId(),
                r.ip(),
                r.email(),
                r.country(),
                r.paymentMethod(),
                r.channel(),
                r.browser(),
                r.deviceType(),
                r.attributes());
    }

    private static TransactionRequest with(TransactionRequest r, String field, String value) {
        Map<String, String> f = new java.util.HashMap<>();
        f.put("id", r.id());
        f.put("timestamp", r.timestamp());
        f.put("currency", r.currency());
        f.put("cardBin", r.cardBin());
        f.put("ip", r.ip());
        f.put("email", r.email());
        f.put("country", r.country());
        f.put("paymentMethod", r.paymentMethod());
        f.put("channel", r.channel());
        f.put(field, value);
        return new TransactionRequest(
                f.get("id"),
                f.get("timestamp"),
                r.amount(),
                f.get("currency"),
                r.merchantId(),
                r.customerId(),
                r.cardFingerprint(),
                f.get("cardBin"),
                r.deviceId(),
                f.get("ip"),
                f.get("email"),
                f.get("country"),
                f.get("paymentMethod"),
                f.get("channel"),
                r.browser(),
                r.deviceType(),
                r.attributes());
    }
}
