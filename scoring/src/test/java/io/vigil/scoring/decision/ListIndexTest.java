package io.vigil.scoring.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.ListHit;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.ListEntry;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternSet;
import io.vigil.scoring.config.ScoringSettings;
import io.vigil.scoring.features.InMemoryFeatureStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private final PatternCompiler compiler = new PatternCompiler();
    private final RiskEngine engine = new RiskEngine(
            new ScoringSettings(50, 80, Decision.REVIEW, Duration.ofSeconds(2), Duration.ofMillis(50)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final InMemoryFeatureStore features = new InMemoryFeatureStore();

    @Test
    void aBlockListHitDeclinesWhateverThePatternsSay() {
        RiskDecision d =
                decide(List.of(entry("block", "card", "card-7f3a", null)), List.of(), tx("card-7f3a", "a@x.se"));

        assertThat(d.decision()).isEqualTo(Decision.DECLINE);
        assertThat(d.listHits()).containsExactly(new ListHit("block", "card", "card-7f3a", "block-card-card-7f3a"));
    }

    @Test
    void anAllowListHitApprovesEvenWhenAPatternWouldReview() {
        PatternDefinition review = new PatternDefinition("p", "p", "", "true", "review", PatternMode.ACTIVE, 1);

        RiskDecision d = decide(
                List.of(entry("allow", "email", "ann@example.com", null)),
                List.of(review),
                tx("card-1", "Ann@Example.com"));

        assertThat(d.decision()).isEqualTo(Decision.APPROVE);
        assertThat(d.reasons()).extracting(r -> r.patternId()).containsExactly("p"); // still explained
    }

    @Test
    void blockWinsOverAllow() {
        RiskDecision d = decide(
                List.of(entry("allow", "email", "ann@example.com", null), entry("block", "card_bin", "411111", null)),
                List.of(),
                tx("card-1", "ann@example.com"));

        assertThat(d.decision()).isEqualTo(Decision.DECLINE);
        assertThat(d.listHits()).extracting(ListHit::list).containsExactly("block", "allow");
    }

    @Test
    void anExpiredEntryNoLongerApplies() {
        RiskDecision expired = decide(
                List.of(entry("block", "device", "d-19", NOW.minusSeconds(1))), List.of(), tx("card-1", "a@x.se"));
        RiskDecision current = decide(
                List.of(entry("block", "device", "d-19", NOW.plusSeconds(60))), List.of(), tx("card-1", "a@x.se"));

        assertThat(expired.decision()).isEqualTo(Decision.APPROVE);
        assertThat(expired.listHits()).isEmpty();
        assertThat(current.decision()).isEqualTo(Decision.DECLINE);
    }

    @Test
    void theSameCompiledEntryStopsMatchingWhenTheClockPassesItsExpiry() {
        Instant expiry = NOW.plusSeconds(30);
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        RiskEngine byTheClock = new RiskEngine(
                new ScoringSettings(50, 80, Decision.REVIEW, Duration.ofSeconds(2), Duration.ofMillis(50)), moving);
        CompiledPatternSet set =
                compiler.compile(new PatternSet(5, List.of(), List.of(entry("block", "card", "card-7f3a", expiry))));
        TransactionDetails tx = tx("card-7f3a", "a@x.se");

        RiskDecision before = byTheClock.decide(set, tx, features.read(tx));
        now[0] = expiry.minusMillis(1);
        RiskDecision lastMoment = byTheClock.decide(set, tx, features.read(tx));
        now[0] = expiry;
        RiskDecision atExpiry = byTheClock.decide(set, tx, features.read(tx));
        RiskDecision fallbackAfter = byTheClock.fallback(set, tx);

        assertThat(before.decision()).isEqualTo(Decision.DECLINE);
        assertThat(lastMoment.decision()).isEqualTo(Decision.DECLINE);
        assertThat(atExpiry.decision()).as("no new set, only the clock moved").isEqualTo(Decision.APPROVE);
        assertThat(atExpiry.listHits()).isEmpty();
        assertThat(fallbackAfter.listHits()).isEmpty();
    }

    @Test
    void listsStillApplyWhenTheFallbackDecisionIsGiven() {
        CompiledPatternSet set =
                compiler.compile(new PatternSet(5, List.of(), List.of(entry("block", "card", "card-7f3a", null))));

        RiskDecision blocked = engine.fallback(set, tx("card-7f3a", "a@x.se"));
        RiskDecision other = engine.fallback(set, tx("card-1", "a@x.se"));

        assertThat(blocked.fallback()).isTrue();
        assertThat(blocked.decision()).isEqualTo(Decision.DECLINE);
        assertThat(blocked.listHits()).hasSize(1);
        assertThat(other.decision()).isEqualTo(Decision.REVIEW); // the configured fallback
    }

    @Test
    void ipv6AddressesMatchWhateverTheirSpelling() {
        ListIndex index = new ListIndex(List.of(entry("block", "ip", "2001:DB8:0:0::7", null)));
        TransactionDetails tx = withIpAndBin("2001:db8::7", null);

        assertThat(index.hits(tx, NOW)).hasSize(1);
    }

    @Test
    void aListedBinMatchesLongerBinsThatStartWithIt() {
        ListIndex index = new ListIndex(List.of(entry("block", "card_bin", "411111", null)));
        TransactionDetails eightDigits = withIpAndBin(null, "41111122");
        TransactionDetails other = withIpAndBin(null, "41111200");

        assertThat(index.hits(eightDigits, NOW)).extracting(ListHit::value).containsExactly("411111");
        assertThat(index.hits(other, NOW)).isEmpty();
    }

    @Test
    void everyKindIsLookedUp() {
        TransactionDetails tx = tx("card-1", "a@x.se");
        for (String[] kv : new String[][] {
            {"card", "card-1"},
            {"card_bin", "411111"},
            {"email", "a@x.se"},
            {"device", "d-19"},
            {"ip", "203.0.113.7"},
            {"customer", "c-981"}
        }) {
            ListIndex index = new ListIndex(List.of(entry("block", kv[0], kv[1], null)));
            assertThat(index.hits(tx, NOW)).as(kv[0]).hasSize(1);
        }
    }

    /** A transaction that names only an IP address and a card BIN (either may be null). */
    private static TransactionDetails withIpAndBin(String ip, String bin) {
        return new TransactionDetails(
                "tx",
                NOW,
                BigDecimal.ONE,
                "EUR",
                "m",
                null,
                null,
                bin,
                null,
                ip,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of());
    }

    private RiskDecision decide(List<ListEntry> lists, List<PatternDefinition> patterns, TransactionDetails tx) {
        CompiledPatternSet set = compiler.compile(new PatternSet(5, patterns, lists));
        return engine.decide(set, tx, features.read(tx));
    }

    private static ListEntry entry(String list, String kind, String value, Instant expiresAt) {
        return new ListEntry(list + "-" + kind + "-" + value, list, kind, value, expiresAt, "test");
    }

    private static TransactionDetails tx(String card, String email) {
        return new TransactionDetails(
                "tx-1",
                NOW,
                new BigDecimal("25.00"),
                "EUR",
                "m-42",
                "c-981",
                card,
                "411111",
                "d-19",
                "203.0.113.7",
                email,
                "SE",
                "card",
                "web",
                null,
                null,
                Map.of());
    }
}
