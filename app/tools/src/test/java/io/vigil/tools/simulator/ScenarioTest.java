package io.vigil.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The injected scenarios are there and look like what they claim: each fraud case in the manifest has the signature
 * its typology is detected by, its labels follow in the stream, and each incident really lowers the authorization
 * success of its merchant and country or browser during its window.
 */
class ScenarioTest {

    private static final SimulationConfig CONFIG = SimulationConfig.defaults(Instant.parse("2026-03-10T10:00:00Z"))
            .withDuration(Duration.ofHours(2))
            .withPeakRate(10)
            .withMerchants(50)
            .withCustomers(30_000)
            .withFraudShare(0.05)
            .withIncidents(2);

    private static Simulation simulation;
    private static Manifest manifest;
    private static Map<String, TransactionItem> transactions;
    private static Map<String, Integer> position;

    @BeforeAll
    static void generate() {
        simulation = TrafficGenerator.generate(CONFIG);
        manifest = simulation.manifest();
        transactions = new HashMap<>();
        position = new HashMap<>();
        List<TransactionItem> list = simulation.transactions();
        for (int i = 0; i < list.size(); i++) {
            transactions.put(list.get(i).id(), list.get(i));
            position.put(list.get(i).id(), i);
        }
    }

    @Test
    void everyTypologyIsInjectedAtAboutTheAskedShare() {
        assertThat(manifest.counts().fraudCasesByTypology())
                .allSatisfy((typology, count) -> assertThat(count).as(typology).isGreaterThanOrEqualTo(5));
        assertThat(manifest.counts().fraudShare()).isBetween(0.03, 0.07);
        assertThat(manifest.counts().fraudTransactions())
                .isEqualTo(manifest.fraudCases().stream()
                        .mapToLong(c -> c.transactionIds().size())
                        .sum());
    }

    @Test
    void fraudCasesReferToTransactionsOfTheStream() {
        for (Manifest.FraudCase c : manifest.fraudCases()) {
            assertThat(c.transactionIds()).as(c.id()).allMatch(transactions::containsKey);
            assertThat(c.transactionIds()).as(c.id()).containsAll(c.labelledTransactionIds());
            List<TransactionItem> items = items(c);
            assertThat(items.get(0).timestamp()).isEqualTo(c.start());
            assertThat(items.get(items.size() - 1).timestamp()).isEqualTo(c.end());
            assertThat(items).allSatisfy(t -> {
                assertThat(c.deviceIds()).contains(t.deviceId());
                assertThat(c.merchantIds()).contains(t.merchantId());
            });
        }
    }

    @Test
    void casesAreCompleteAndInStreamOrderWhateverTheSeed() {
        for (long seed = 1; seed <= 6; seed++) {
            SimulationConfig config = CONFIG.withSeed(seed)
                    .withDuration(Duration.ofMinutes(40))
                    .withFraudShare(0.2)
                    .withIncidents(1);
            Simulation run = TrafficGenerator.generate(config);
            Map<String, Instant> times = new HashMap<>();
            run.transactions().forEach(t -> times.put(t.id(), t.timestamp()));
            for (Manifest.FraudCase c : run.manifest().fraudCases()) {
                List<Instant> caseTimes =
                        c.transactionIds().stream().map(times::get).toList();
                assertThat(caseTimes)
                        .as("seed %d %s", seed, c.id())
                        .doesNotContainNull()
                        .isSorted();
                assertThat(caseTimes.get(0)).isEqualTo(c.start());
                assertThat(caseTimes.get(caseTimes.size() - 1)).isEqualTo(c.end());
            }
            assertThat(run.manifest().counts().fraudCasesByTypology().values())
                    .as("seed %d", seed)
                    .allSatisfy(n -> assertThat(n).isPositive());
        }
    }

    @Test
    void labelsFollowTheirTransactionsAndOnlyInjectedOrDisputedOnesAreLabelled() {
        Map<String, OutcomeItem> outcomes = new HashMap<>();
        simulation.outcomes().forEach(o -> outcomes.put(o.transactionId(), o));
        Set<String> expected = new HashSet<>(manifest.friendlyChargebacks());
        for (Manifest.FraudCase c : manifest.fraudCases()) {
            expected.addAll(c.labelledTransactionIds());
            for (String id : c.labelledTransactionIds()) {
                OutcomeItem outcome = outcomes.get(id);
                assertThat(outcome).as("label of " + id).isNotNull();
                assertThat(outcome.outcome()).isEqualTo(c.label());
                assertThat(outcome.timestamp())
                        .isAfterOrEqualTo(transactions.get(id).timestamp());
            }
        }
        assertThat(outcomes.keySet()).isEqualTo(expected);
    }

    @Test
    void cardTestingIsManySmallAmountsOnFreshCardsFromOneDeviceWithinMinutes() {
        List<Manifest.FraudCase> cases = cases(Typology.CARD_TESTING);
        Map<String, BigDecimal> medians = medianAmountByMerchant();
        Map<String, String> firstUse = new HashMap<>();
        simulation.transactions().forEach(t -> {
            if (t.cardFingerprint() != null) {
                firstUse.putIfAbsent(t.cardFingerprint(), t.id());
            }
        });
        for (Manifest.FraudCase c : cases) {
            List<TransactionItem> items = items(c);
            assertThat(items).hasSizeGreaterThanOrEqualTo(10);
            assertThat(distinct(items, TransactionItem::deviceId)).hasSize(1);
            assertThat(distinct(items, TransactionItem::ip)).hasSize(1);
            assertThat(distinct(items, TransactionItem::cardFingerprint)).hasSameSizeAs(items);
            assertThat(Duration.between(c.start(), c.end())).isLessThan(Duration.ofMinutes(20));
            BigDecimal small =
                    medians.get(items.get(0).merchantId()).divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
            assertThat(items).allSatisfy(t -> assertThat(t.amount()).isLessThan(small));
            for (TransactionItem t : items) {
                assertThat(firstUse.get(t.cardFingerprint()))
                        .as("card %s is fresh", t.cardFingerprint())
                        .isEqualTo(t.id());
            }
        }
    }

    @Test
    void accountTakeoverIsAKnownCustomerOnANewDeviceInANewCountryPayingALot() {
        Map<String, BigDecimal> medians = medianAmountByMerchant();
        for (Manifest.FraudCase c : cases(Typology.ACCOUNT_TAKEOVER)) {
            List<TransactionItem> items = items(c);
            TransactionItem first = items.get(0);
            List<TransactionItem> history = earlier(first)
                    .filter(t -> first.customerId().equals(t.customerId()))
                    .toList();
            assertThat(history).as("%s has paid before", first.customerId()).isNotEmpty();
            assertThat(history).noneMatch(t -> first.deviceId().equals(t.deviceId()));
            assertThat(history).noneMatch(t -> first.country().equals(t.country()));
            assertThat(items)
                    .allSatisfy(t -> assertThat(t.amount())
                            .isGreaterThan(medians.get(t.merchantId()).multiply(BigDecimal.valueOf(2.5))));
        }
    }

    @Test
    void aDeviceFarmIsOneDeviceBehindManyNewAccountsAndCards() {
        for (Manifest.FraudCase c : cases(Typology.DEVICE_FARM)) {
            List<TransactionItem> items = items(c);
            assertThat(items).hasSizeGreaterThanOrEqualTo(8);
            assertThat(distinct(items, TransactionItem::deviceId)).hasSize(1);
            assertThat(distinct(items, TransactionItem::customerId)).hasSameSizeAs(items);
            assertThat(distinct(items, TransactionItem::cardFingerprint)).hasSameSizeAs(items);
            assertThat(Duration.between(c.start(), c.end())).isLessThan(Duration.ofHours(2));
        }
    }

    @Test
    void impossibleTravelIsOneCustomerInTwoFarCountriesWithinMinutes() {
        Map<String, Country> countries = Stream.concat(Country.HOME.stream(), Country.DISTANT.stream())
                .collect(Collectors.toMap(Country::code, c -> c));
        for (Manifest.FraudCase c : cases(Typology.IMPOSSIBLE_TRAVEL)) {
            List<TransactionItem> items = items(c);
            assertThat(items).hasSize(2);
            TransactionItem home = items.get(0);
            TransactionItem away = items.get(1);
            assertThat(away.customerId()).isEqualTo(home.customerId());
            assertThat(Duration.between(home.timestamp(), away.timestamp()))
                    .isLessThanOrEqualTo(Duration.ofMinutes(15));
            assertThat(countries.get(home.country()).kilometresTo(countries.get(away.country())))
                    .isGreaterThan(3000);
            assertThat(c.labelledTransactionIds()).containsExactly(away.id());
        }
    }

    @Test
    void anIncidentLowersItsScopesAuthorizationSuccessDuringItsWindow() {
        assertThat(manifest.incidents()).hasSize(2);
        for (Manifest.Incident incident : manifest.incidents()) {
            long during = 0;
            long duringOk = 0;
            long outside = 0;
            long outsideOk = 0;
            for (EventItem e : simulation.events()) {
                String value = incident.dimension().equals("country") ? e.country() : e.browser();
                if (!e.operation().equals("authorization")
                        || !e.merchantId().equals(incident.merchantId())
                        || !incident.value().equals(value)) {
                    continue;
                }
                boolean inWindow = !e.timestamp().isBefore(incident.start())
                        && e.timestamp().isBefore(incident.end());
                if (inWindow) {
                    during++;
                    duringOk += e.succeeded() ? 1 : 0;
                } else {
                    outside++;
                    outsideOk += e.succeeded() ? 1 : 0;
                }
            }
            assertThat(during).as(incident.id() + " authorizations during").isGreaterThan(50);
            assertThat(outside).as(incident.id() + " authorizations outside").isGreaterThan(50);
            double rateDuring = duringOk / (double) during;
            double rateOutside = outsideOk / (double) outside;
            assertThat(rateDuring).as(incident.id()).isLessThan(0.6 * rateOutside);
            assertThat(new long[] {during, duringOk, outside, outsideOk})
                    .containsExactly(
                            incident.authorizationsDuring(),
                            incident.successesDuring(),
                            incident.authorizationsOutside(),
                            incident.successesOutside());
            assertThat(incident.injectedSuccessRate()).isLessThan(incident.expectedSuccessRate() * 0.5);
            assertThat(incident.start()).isAfter(CONFIG.from());
            assertThat(incident.end()).isBefore(CONFIG.end());
        }
    }

    private static List<Manifest.FraudCase> cases(Typology typology) {
        List<Manifest.FraudCase> cases = manifest.fraudCases().stream()
                .filter(c -> c.typology() == typology)
                .toList();
        assertThat(cases).as(typology.wireName()).isNotEmpty();
        return cases;
    }

    private static List<TransactionItem> items(Manifest.FraudCase c) {
        List<TransactionItem> items = new ArrayList<>();
        c.transactionIds().forEach(id -> items.add(transactions.get(id)));
        return items;
    }

    private static Stream<TransactionItem> earlier(TransactionItem t) {
        return simulation.transactions().subList(0, position.get(t.id())).stream();
    }

    private static <T> Set<T> distinct(List<TransactionItem> items, java.util.function.Function<TransactionItem, T> f) {
        return items.stream().map(f).collect(Collectors.toSet());
    }

    private static Map<String, BigDecimal> medianAmountByMerchant() {
        Set<String> fraud = manifest.fraudCases().stream()
                .flatMap(c -> c.transactionIds().stream())
                .collect(Collectors.toSet());
        Map<String, List<BigDecimal>> amounts = new HashMap<>();
        for (TransactionItem t : simulation.transactions()) {
            if (!fraud.contains(t.id())) {
                amounts.computeIfAbsent(t.merchantId(), m -> new ArrayList<>()).add(t.amount());
            }
        }
        Map<String, BigDecimal> medians = new HashMap<>();
        amounts.forEach((merchant, list) -> {
            list.sort(null);
            medians.put(merchant, list.get(list.size() / 2));
        });
        return medians;
    }
}
