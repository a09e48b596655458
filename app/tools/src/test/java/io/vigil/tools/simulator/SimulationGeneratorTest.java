package io.vigil.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.vigil.ingest.api.ApiRules;
import io.vigil.ingest.api.EventFields;
import io.vigil.ingest.api.EventOutcome;
import io.vigil.ingest.api.FieldViolation;
import io.vigil.ingest.api.OutcomeFields;
import io.vigil.ingest.api.TransactionFields;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator's promises: replayable, ordered, inside the run, valid per the contract, shaped like a day. */
class SimulationGeneratorTest {

    private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");

    private static SimulationConfig hour() {
        return SimulationConfig.defaults(NOON)
                .withDuration(Duration.ofHours(1))
                .withPeakRate(5)
                .withMerchants(40)
                .withCustomers(20_000)
                .withFraudShare(0.05)
                .withIncidents(1);
    }

    @Test
    void sameSeedAndConfigGiveTheSameBytes() {
        Simulation first = TrafficGenerator.generate(hour());
        Simulation second = TrafficGenerator.generate(hour());

        assertThat(first.items()).hasSizeGreaterThan(10_000);
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.manifest().toJson()).isEqualTo(first.manifest().toJson());
    }

    @Test
    void recurringIncidentsStartAQuarterInAndComeBackEveryPeriod() throws Exception {
        SimulationConfig config = hour().withIncidentEvery(Duration.ofMinutes(10));

        Manifest manifest = TrafficGenerator.generate(config).manifest();

        assertThat(manifest.incidents()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            Manifest.Incident incident = manifest.incidents().get(i);
            assertThat(incident.start()).isEqualTo(NOON.plusSeconds(150 + 600L * i));
            assertThat(Duration.between(incident.start(), incident.end())).isEqualTo(Duration.ofMinutes(5));
            assertThat(incident.authorizationsDuring())
                    .as("incident %d has traffic", i)
                    .isPositive();
            assertThat((double) incident.successesDuring() / incident.authorizationsDuring())
                    .as("incident %d: success during against outside", i)
                    .isLessThan(0.5 * incident.successesOutside() / incident.authorizationsOutside());
        }
        assertThat(manifest.incidents().stream()
                        .map(Manifest.Incident::merchantId)
                        .distinct())
                .as("the largest merchants in turn")
                .hasSize(5);
        assertThat(config.runTag()).isNotEqualTo(hour().runTag());
        assertThat(Manifest.parse(manifest.toJson()).config().toConfig()).isEqualTo(config);
    }

    @Test
    void anotherSeedGivesAnotherStream() {
        Simulation first = TrafficGenerator.generate(hour());
        Simulation other = TrafficGenerator.generate(hour().withSeed(43));

        assertThat(other.sha256()).isNotEqualTo(first.sha256());
        Set<String> firstAmounts = new HashSet<>();
        first.transactions().forEach(t -> firstAmounts.add(t.merchantId() + t.amount()));
        long same = other.transactions().stream()
                .filter(t -> firstAmounts.contains(t.merchantId() + t.amount()))
                .count();
        assertThat(same)
                .as("transactions that happen to match")
                .isLessThan(other.transactions().size() / 5);
    }

    @Test
    void itemsAreInTimeOrderAndInsideTheRun() {
        SimulationConfig config = hour();
        Instant previous = config.from();
        for (SimulationItem item : new TrafficGenerator(config)) {
            assertThat(item.timestamp()).isAfterOrEqualTo(previous).isBefore(config.end());
            previous = item.timestamp();
        }
    }

    @Test
    void everyItemKeepsThePublicContract() {
        Simulation simulation = TrafficGenerator.generate(hour());
        List<String> broken = new ArrayList<>();
        Set<String> transactionIds = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        for (SimulationItem item : simulation.items()) {
            broken.addAll(violations(item));
            if (item instanceof TransactionItem t) {
                assertThat(transactionIds.add(t.id())).as("unique id " + t.id()).isTrue();
            } else if (item instanceof EventItem e) {
                assertThat(eventIds.add(e.id())).as("unique id " + e.id()).isTrue();
            } else if (item instanceof OutcomeItem o) {
                assertThat(transactionIds).as("outcome after its transaction").contains(o.transactionId());
            }
        }
        assertThat(broken).isEmpty();
        assertThat(simulation.transactions())
                .extracting(TransactionItem::paymentMethod)
                .contains("card", "wallet", "pay_later", "installments", "bank_transfer");
        assertThat(simulation.transactions())
                .extracting(TransactionItem::channel)
                .contains("web", "app");
        assertThat(simulation.events()).extracting(EventItem::operation).contains("session", "authorization", "order");
    }

    @Test
    void theContractCheckCatchesWhatVigilWouldRefuse() {
        TransactionItem good = new TransactionItem(
                "tx-1",
                NOON,
                new BigDecimal("12.50"),
                "EUR",
                "m-1",
                "c-1",
                null,
                "411111",
                null,
                "203.0.113.7",
                null,
                "SE",
                "card",
                "web",
                "chrome",
                "mobile",
                Map.of("sku", "a-1"));
        assertThat(violations(good)).isEmpty();
        TransactionItem bad = new TransactionItem(
                "tx 1",
                NOON.plus(Duration.ofDays(2)),
                new BigDecimal("12.505"),
                "EUR",
                "m-1",
                null,
                null,
                "41",
                null,
                null,
                null,
                "XX",
                "cash",
                "fax",
                "Chrome",
                null,
                null);
        assertThat(violations(bad))
                .extracting(v -> v.substring(0, v.indexOf(" in {")))
                .containsExactly(
                        "id must be 1-64 characters of letters, digits and . _ : -",
                        "amount must have at most 2 decimals for EUR",
                        "cardBin must be 6 to 8 digits",
                        "country must be an ISO 3166-1 alpha-2 code such as SE",
                        "paymentMethod must be one of card, pay_later, installments, bank_transfer, wallet, other",
                        "channel must be one of web, app, in_store, other",
                        "browser in lower case");
        EventItem success =
                new EventItem("ev-1", NOON, "m-1", "order", "success", "timeout", null, null, null, null, null);
        assertThat(violations(success))
                .extracting(v -> v.substring(0, v.indexOf(" in {")))
                .containsExactly("errorCode is only allowed with outcome failure", "errorCode exactly with failure");
        assertThat(violations(new OutcomeItem("tx 1", NOON, "refund", null)))
                .extracting(v -> v.substring(0, v.indexOf(" in {")))
                .containsExactly(
                        "outcome must be one of chargeback, confirmed_fraud, confirmed_legitimate",
                        "outcome transaction id");
    }

    @Test
    void nightIsMuchQuieterThanDay() {
        SimulationConfig day = SimulationConfig.defaults(Instant.parse("2026-03-10T00:00:00Z"))
                .withDuration(Duration.ofDays(1))
                .withPeakRate(1)
                .withMerchants(50)
                .withCustomers(20_000)
                .withFraudShare(0)
                .withIncidents(0);
        long[] perHour = new long[24];
        for (SimulationItem item : new TrafficGenerator(day)) {
            if (item instanceof TransactionItem t) {
                perHour[(int) Duration.between(day.from(), t.timestamp()).toHours()]++;
            }
        }
        long night = perHour[1] + perHour[2] + perHour[3] + perHour[4]; // 02:00-06:00 in Central Europe
        long evening = perHour[17] + perHour[18] + perHour[19] + perHour[20];
        assertThat(night).isPositive();
        assertThat(night)
                .as("night against evening, per hour " + java.util.Arrays.toString(perHour))
                .isLessThan(evening / 5);
    }

    @Test
    void theManifestCountsWhatTheStreamHolds() throws IOException {
        Simulation simulation = TrafficGenerator.generate(hour());
        Manifest.Counts counts = simulation.manifest().counts();

        assertThat(counts.items()).isEqualTo(simulation.items().size());
        assertThat(counts.transactions()).isEqualTo(simulation.transactions().size());
        assertThat(counts.events()).isEqualTo(simulation.events().size());
        assertThat(counts.outcomes()).isEqualTo(simulation.outcomes().size());
        assertThat(counts.authorizations())
                .isEqualTo(simulation.events().stream()
                        .filter(e -> e.operation().equals("authorization"))
                        .count());
        assertThat(simulation.manifest().config().toConfig()).isEqualTo(hour());
        assertThat(Manifest.parse(simulation.manifest().toJson())).isEqualTo(simulation.manifest());
    }

    @Test
    void aGeneratorStreamsOnceAndHasItsManifestAtTheEnd() {
        TrafficGenerator generator = new TrafficGenerator(hour().withDuration(Duration.ofMinutes(1)));
        assertThatThrownBy(generator::manifest).hasMessageContaining("read to the end");
        generator.stream().count();
        assertThat(generator.manifest().counts().transactions()).isPositive();
        assertThatThrownBy(generator::iterator).hasMessageContaining("streams once");
    }

    @Test
    void aConfigOutOfRangeSaysWhichValue() {
        SimulationConfig config = hour();
        assertThatThrownBy(() -> config.withPeakRate(0)).hasMessageContaining("rate must be above 0");
        assertThatThrownBy(() -> config.withFraudShare(0.9)).hasMessageContaining("fraud share");
        assertThatThrownBy(() -> config.withIncidents(41)).hasMessageContaining("number of merchants (40)");
        assertThatThrownBy(() -> config.withDuration(Duration.ZERO)).hasMessageContaining("duration");
    }

    // ---- the public contract, checked on the JSON bodies the simulator sends (not on its records), so that a field
    // the writer drops, misspells or writes with the wrong JSON type is caught too; the rules are Vigil's own

    /** Reads a body as Vigil does: only the contract's fields, a JSON string wherever the contract says string. */
    private static final ObjectMapper API_JSON = new ObjectMapper();

    static {
        API_JSON.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    record TransactionBody(
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

    record EventBody(
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

    record OutcomeBody(String outcome, String timestamp, String note) implements OutcomeFields {}

    /**
     * The broken rules of an item's body, each with the body; empty means Vigil accepts it. The item is checked as
     * sent at its own time, as the simulator sends it.
     */
    private static List<String> violations(SimulationItem item) {
        String json = item.toJson();
        List<String> broken = new ArrayList<>();
        try {
            if (item instanceof TransactionItem) {
                TransactionBody body = API_JSON.readValue(json, TransactionBody.class);
                add(broken, ApiRules.transaction(body, item.timestamp()));
                // what the simulator promises beyond the rules: amounts as JSON numbers, in a currency with cents,
                // free text in lower case as the contract asks
                check(broken, API_JSON.readTree(json).get("amount").isNumber(), "amount is a number");
                check(broken, hasCents(body.currency()), "currency has 2 decimals");
                check(broken, isLowerCase(body.browser()), "browser in lower case");
                check(broken, isLowerCase(body.deviceType()), "deviceType in lower case");
            } else if (item instanceof EventItem) {
                EventBody body = API_JSON.readValue(json, EventBody.class);
                add(broken, ApiRules.event(body, item.timestamp()));
                check(
                        broken,
                        (body.errorCode() != null)
                                == EventOutcome.FAILURE.wireName().equals(body.outcome()),
                        "errorCode exactly with failure");
            } else if (item instanceof OutcomeItem o) {
                OutcomeBody body = API_JSON.readValue(json, OutcomeBody.class);
                add(broken, ApiRules.outcome(body, item.timestamp()));
                check(broken, ApiRules.ID.matcher(o.transactionId()).matches(), "outcome transaction id");
                check(broken, body.timestamp() != null, "outcome timestamp");
            }
        } catch (JsonProcessingException e) {
            broken.add("not the contract's JSON: " + e.getOriginalMessage());
        }
        return broken.stream().map(b -> b + " in " + json).toList();
    }

    private static void add(List<String> broken, List<FieldViolation> violations) {
        violations.forEach(v -> broken.add(v.field() + " " + v.message()));
    }

    private static boolean hasCents(String currency) {
        try {
            return Currency.getInstance(currency).getDefaultFractionDigits() == 2;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isLowerCase(String text) {
        return text == null || text.equals(text.toLowerCase(Locale.ROOT));
    }

    private static void check(List<String> broken, boolean ok, String rule) {
        if (!ok) {
            broken.add(rule);
        }
    }
}
