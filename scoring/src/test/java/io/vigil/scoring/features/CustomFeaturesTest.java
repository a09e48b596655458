package io.vigil.scoring.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.patterns.api.FeatureAggregation;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternSet;
import io.vigil.scoring.config.ScoringSettings;
import io.vigil.scoring.decision.CompiledPatternSet;
import io.vigil.scoring.decision.PatternCompiler;
import io.vigil.scoring.decision.RiskEngine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * Analyst features backfilled over a generated history, with live traffic before, during and after the backfill,
 * against a brute-force count over the same transactions: every value equals it, so each transaction was counted
 * exactly once.
 */
class CustomFeaturesTest {

    private static final Instant NOW =
            Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(7);
    private static final Instant REGISTERED = NOW.minus(Duration.ofHours(1));
    private static final List<String> COUNTRIES = List.of("DE", "DE", "DE", "DE", "FR", "NL", "US", "GB", "SE", "PL");

    private final MovableClock clock = new MovableClock(REGISTERED);
    private final InMemoryFeatureStore store = new InMemoryFeatureStore(clock, Long.MAX_VALUE);
    private final InMemoryEventStorageEngine events = new InMemoryEventStorageEngine();
    private final CustomFeatureBackfill backfill = new CustomFeatureBackfill(events, clock);
    private final PatternCompiler compiler = new PatternCompiler();

    private final List<FeatureDefinition> definitions = List.of(
            feature("card_count_7d", "card", FeatureAggregation.COUNT, null, 7 * 1440, null),
            feature("card_abroad_sum_7d", "card", FeatureAggregation.SUM, null, 7 * 1440, "tx.country != 'DE'"),
            feature("customer_avg_24h", "customer", FeatureAggregation.AVG, null, 1440, null),
            feature("customer_countries_30d", "customer", FeatureAggregation.DISTINCT, "country", 30 * 1440, null),
            feature("card_big_90m", "card", FeatureAggregation.COUNT, null, 90, "tx.amount >= 100.0"),
            feature("device_cards_12h", "device", FeatureAggregation.DISTINCT, "cardFingerprint", 720, null));

    @Test
    void aBackfilledFeatureEqualsABruteForceCountAndCountsEveryTransactionOnce() {
        List<TransactionDetails> history = history(new Random(20261129), 9_000);
        List<TransactionDetails> before = history.stream()
                .filter(tx -> tx.timestamp().isBefore(REGISTERED))
                .toList();
        List<TransactionDetails> after = history.stream()
                .filter(tx -> !tx.timestamp().isBefore(REGISTERED))
                .toList();
        before.forEach(this::store);
        // committed just before the registration, recorded live just after it (an after-commit call that ran late)
        List<TransactionDetails> late = before.subList(before.size() - 5, before.size());

        List<CustomFeatures.Registered> registered = store.custom().define(definitions, compiler::compileFilter);
        assertThat(registered).hasSize(definitions.size());
        late.forEach(store::record);
        int half = after.size() / 2;
        for (TransactionDetails tx : after.subList(0, half)) {
            live(tx);
        }
        assertThat(store.custom().ready(List.of("features.custom.card_count_7d")))
                .isFalse();

        registered.forEach(r -> backfill.run(r.feature));

        assertThat(store.custom()
                        .ready(definitions.stream()
                                .map(FeatureDefinition::qualifiedName)
                                .toList()))
                .isTrue();
        for (TransactionDetails tx : after.subList(half, after.size())) {
            live(tx);
        }
        clock.set(NOW);

        Set<String> cards = new HashSet<>();
        Set<String> customers = new HashSet<>();
        Set<String> devices = new HashSet<>();
        history.forEach(tx -> {
            cards.add(tx.cardFingerprint());
            customers.add(tx.customerId());
            if (tx.deviceId() != null) {
                devices.add(tx.deviceId());
            }
        });
        int checked = 0;
        for (String card : cards) {
            FeatureSnapshot f = store.read(probe(null, card, null));
            assertThat(f.value("features.custom.card_count_7d"))
                    .as(card)
                    .isEqualTo(bruteCount(history, definitions.get(0), card));
            assertThat(f.value("features.custom.card_abroad_sum_7d"))
                    .as(card)
                    .isEqualTo(bruteSum(history, definitions.get(1), card));
            assertThat(f.value("features.custom.card_big_90m"))
                    .as(card)
                    .isEqualTo(bruteCount(history, definitions.get(4), card));
            checked += 3;
        }
        for (String customer : customers) {
            FeatureSnapshot f = store.read(probe(customer, null, null));
            assertThat(f.value("features.custom.customer_avg_24h"))
                    .as(customer)
                    .isEqualTo(bruteAvg(history, definitions.get(2), customer));
            assertThat(f.value("features.custom.customer_countries_30d"))
                    .as(customer)
                    .isEqualTo(bruteDistinct(history, definitions.get(3), customer));
            checked += 2;
        }
        for (String device : devices) {
            FeatureSnapshot f = store.read(probe(null, null, device));
            assertThat(f.value("features.custom.device_cards_12h"))
                    .as(device)
                    .isEqualTo(bruteDistinct(history, definitions.get(5), device));
            checked++;
        }
        assertThat(checked).isGreaterThan(200);
        // the planted card: many transactions abroad in the last days
        assertThat((double) store.read(probe(null, "card-planted", null)).value("features.custom.card_abroad_sum_7d"))
                .isGreaterThan(5_000.0);
        assertThat(store.custom().states().features())
                .allSatisfy(state -> assertThat(state.bytesPerEntity()).isBetween(150L, 1_200L));
    }

    @Test
    void aFeatureIsReadOnlyOnceBackfilledAndForgottenWhenNoLongerDefined() {
        store(tx("t-1", REGISTERED.minus(Duration.ofHours(2)), "c-1", "card-1", "d-1", "FR", "50.00"));
        List<CustomFeatures.Registered> registered =
                store.custom().define(List.of(definitions.get(0)), compiler::compileFilter);
        assertThat(store.custom().ready(List.of("features.custom.card_count_7d")))
                .isFalse();
        assertThat(store.custom().states().features().get(0).ready()).isFalse();

        backfill.run(registered.get(0).feature);
        assertThat(store.custom().ready(List.of("features.custom.card_count_7d")))
                .isTrue();
        assertThat(store.read(probe(null, "card-1", null)).value("features.custom.card_count_7d"))
                .isEqualTo(1L);

        // the same definition again keeps the state; none at all forgets it
        assertThat(store.custom().define(List.of(definitions.get(0)), compiler::compileFilter))
                .isEmpty();
        store.custom().define(List.of(), compiler::compileFilter);
        assertThat(store.read(probe(null, "card-1", null)).value("features.custom.card_count_7d"))
                .isNull();
        assertThat(store.custom().ready(List.of("features.custom.card_count_7d")))
                .isFalse();
    }

    @Test
    void aPatternReadingACustomFeatureDeclinesThePlantedCaseOnceTheFeatureIsBackfilled() {
        for (int i = 0; i < 30; i++) {
            store(tx("t-" + i, REGISTERED.minus(Duration.ofHours(60 - i)), "c-1", "card-x", "d-1", "US", "120.00"));
            store(tx("u-" + i, REGISTERED.minus(Duration.ofHours(60 - i)), "c-2", "card-y", "d-2", "DE", "120.00"));
        }
        FeatureDefinition abroad = definitions.get(1);
        PatternCompiler withFeature = new PatternCompiler(List.of(abroad));
        CompiledPatternSet set = withFeature.compile(new PatternSet(
                1,
                List.of(new PatternDefinition(
                        "p-abroad",
                        "Card spending abroad",
                        "",
                        "features.custom.card_abroad_sum_7d > 2000.0",
                        "decline",
                        PatternMode.ACTIVE,
                        1))));
        assertThat(set.rejected()).isEmpty();
        RiskEngine engine = new RiskEngine(
                new ScoringSettings(50, 80, Decision.REVIEW, Duration.ofSeconds(2), Duration.ofMillis(50)), clock);
        List<CustomFeatures.Registered> registered = store.custom().define(List.of(abroad), compiler::compileFilter);
        TransactionDetails planted = tx("t-next", REGISTERED, "c-1", "card-x", "d-1", "US", "120.00");

        // not backfilled yet: the pattern is not evaluated at all, rather than on a partial count
        assertThat(engine.decide(set, planted, store.read(planted)).decision()).isEqualTo(Decision.APPROVE);

        backfill.run(registered.get(0).feature);
        RiskDecision decided = engine.decide(set, planted, store.read(planted));
        assertThat(decided.decision()).isEqualTo(Decision.DECLINE);
        assertThat(decided.reasons().get(0).features()).containsEntry("features.custom.card_abroad_sum_7d", 3600.0);
        TransactionDetails home = tx("u-next", REGISTERED, "c-2", "card-y", "d-2", "DE", "120.00");
        assertThat(engine.decide(set, home, store.read(home)).decision()).isEqualTo(Decision.APPROVE);
    }

    private void live(TransactionDetails tx) {
        clock.set(tx.timestamp().plusMillis(20));
        store(tx);
        store.record(tx);
    }

    private void store(TransactionDetails tx) {
        events.appendEvents(List.of(new GenericEventMessage<>(
                UUID.randomUUID().toString(),
                new TransactionRecordedEvent(tx.transactionId(), tx),
                Map.of(),
                tx.timestamp().plusMillis(10))));
    }

    /** Over-dispersed traffic over 12 days: bursty cards, quiet ones, odd amounts, missing devices and countries. */
    private static List<TransactionDetails> history(Random random, int n) {
        List<TransactionDetails> txs = new ArrayList<>();
        Instant start = NOW.minus(Duration.ofDays(12));
        long span = Duration.between(start, NOW).toSeconds() - 1;
        for (int i = 0; i < n; i++) {
            // a few busy cards, a long tail of quiet ones
            int card = (int) Math.floor(Math.pow(random.nextDouble(), 3) * 120);
            int customer = card % 70;
            Instant at = random.nextInt(10) < 3
                    // a third of the traffic in bursts around a card's own hour
                    ? start.plusSeconds((card * 7_919L * 60 + random.nextInt(900)) % span)
                    : start.plusSeconds((long) (random.nextDouble() * span));
            String amount = switch (random.nextInt(20)) {
                case 0 -> "0.01";
                case 1 -> "9999.99";
                default ->
                    BigDecimal.valueOf(Math.exp(random.nextGaussian() * 1.2 + 3.5))
                            .setScale(2, RoundingMode.HALF_UP)
                            .toPlainString();
            };
            String device = random.nextInt(6) == 0 ? null : "d-" + (card % 40);
            String country = random.nextInt(15) == 0 ? null : COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            txs.add(tx("t-" + i, at, "c-" + customer, "card-" + card, device, country, amount));
        }
        for (int i = 0; i < 40; i++) {
            txs.add(tx(
                    "t-planted-" + i,
                    NOW.minus(Duration.ofHours(70 - i)),
                    "c-planted",
                    "card-planted",
                    "d-planted",
                    "US",
                    "180.00"));
        }
        txs.sort(Comparator.comparing(TransactionDetails::timestamp));
        return txs;
    }

    private static int minute(Instant at) {
        return (int) Math.floorDiv(at.getEpochSecond(), 60);
    }

    /** The transactions of an entity that the window and filter take, per the documented bucket semantics. */
    private List<TransactionDetails> inWindow(List<TransactionDetails> all, FeatureDefinition d, String key) {
        AnalystFeature shape = new AnalystFeature(d, null, NOW);
        int width = shape.bucketMinutes();
        int buckets = shape.buckets();
        int now = minute(NOW);
        int newest = Math.floorDiv(now, width);
        Predicate<TransactionDetails> filter = d.filter() == null ? tx -> true : compiler.compileFilter(d.filter());
        EntityKind kind = EntityKind.valueOf(d.entity().toUpperCase(java.util.Locale.ROOT));
        return all.stream()
                .filter(tx -> key.equals(kind.keyOf(tx)))
                .filter(filter)
                .filter(tx -> {
                    int period = Math.floorDiv(minute(tx.timestamp()), width);
                    return period > newest - buckets && period <= newest;
                })
                .toList();
    }

    private long bruteCount(List<TransactionDetails> all, FeatureDefinition d, String key) {
        return inWindow(all, d, key).size();
    }

    private double bruteSum(List<TransactionDetails> all, FeatureDefinition d, String key) {
        BigDecimal total = BigDecimal.ZERO;
        for (TransactionDetails tx : inWindow(all, d, key)) {
            total = total.add(tx.amount());
        }
        return total.setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private double bruteAvg(List<TransactionDetails> all, FeatureDefinition d, String key) {
        List<TransactionDetails> taken = inWindow(all, d, key);
        if (taken.isEmpty()) {
            return 0.0;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (TransactionDetails tx : taken) {
            total = total.add(tx.amount());
        }
        return total.divide(BigDecimal.valueOf(taken.size()), 2, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** Distinct values in the last {@code window} minutes exactly (distinct counts are by minute, not bucket). */
    private long bruteDistinct(List<TransactionDetails> all, FeatureDefinition d, String key) {
        EntityKind kind = EntityKind.valueOf(d.entity().toUpperCase(java.util.Locale.ROOT));
        int now = minute(NOW);
        return Math.min(
                CustomFeatureState.DISTINCT_CAPACITY,
                all.stream()
                        .filter(tx -> key.equals(kind.keyOf(tx)))
                        .filter(tx -> minute(tx.timestamp()) > now - d.windowMinutes())
                        .map(tx -> d.field().equals("country") ? tx.country() : tx.cardFingerprint())
                        .filter(v -> v != null && !v.isEmpty())
                        .distinct()
                        .count());
    }

    private static FeatureDefinition feature(
            String name, String entity, FeatureAggregation aggregation, String field, int window, String filter) {
        FeatureDefinition d = new FeatureDefinition(name, entity, aggregation, field, window, filter);
        assertThat(d.problems()).isEmpty();
        return d;
    }

    private static TransactionDetails probe(String customer, String card, String device) {
        return tx("probe", NOW, customer, card, device, "DE", "1.00");
    }

    private static TransactionDetails tx(
            String id, Instant at, String customer, String card, String device, String country, String amount) {
        return InMemoryFeatureStoreTest.tx(id, at, customer, card, device, country, amount);
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public long millis() {
            return now.toEpochMilli();
        }
    }
}
