package io.vigil.scoring.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.DecisionReason;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDetails;
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

class RiskEngineTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.004Z");
    private final PatternCompiler compiler = new PatternCompiler();
    private final RiskEngine engine = new RiskEngine(
            new ScoringSettings(50, 80, Decision.REVIEW, Duration.ofSeconds(2), Duration.ofMillis(50)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void approvesWhenNoPatternMatches() {
        RiskDecision d = decide(set(pattern("p-high", "tx.amount > 1000.0", "review")), tx("129.90", "SE"));

        assertThat(d).isEqualTo(new RiskDecision(Decision.APPROVE, 0, List.of(), 3, false, NOW));
    }

    @Test
    void forcedReviewWinsAndIsExplained() {
        RiskDecision d = decide(set(pattern("p-high", "tx.amount > 1000.0", "review")), tx("1500", "SE"));

        assertThat(d.decision()).isEqualTo(Decision.REVIEW);
        assertThat(d.reasons()).containsExactly(new DecisionReason("p-high", "p-high name", "review"));
    }

    @Test
    void addsScoresAndComparesThemWithTheThresholds() {
        CompiledPatternSet patterns = set(
                pattern("p-foreign", "tx.country != 'SE'", "score+30"),
                pattern("p-gift", "tx.attributes['category'] == 'gift_cards'", "score+25"),
                pattern("p-big", "tx.amount >= 500", "score+40"));

        RiskDecision approve = decide(patterns, tx("10", "DE", Map.of()));
        assertThat(approve.score()).isEqualTo(30);
        assertThat(approve.decision()).isEqualTo(Decision.APPROVE);

        RiskDecision review = decide(patterns, tx("600", "SE", Map.of("category", "gift_cards")));
        assertThat(review.score()).isEqualTo(65);
        assertThat(review.decision()).isEqualTo(Decision.REVIEW);
        assertThat(review.reasons()).extracting(DecisionReason::patternId).containsExactly("p-gift", "p-big");

        RiskDecision high = decide(patterns, tx("600", "DE", Map.of()));
        assertThat(high.score()).isEqualTo(70);
        assertThat(high.decision()).isEqualTo(Decision.REVIEW);
        assertThat(decide(patterns, tx("600", "DE", Map.of("category", "gift_cards")))
                        .decision())
                .isEqualTo(Decision.DECLINE);
    }

    @Test
    void capsTheScoreAt100() {
        CompiledPatternSet patterns = set(pattern("a", "true", "score+70"), pattern("b", "true", "score+70"));
        assertThat(decide(patterns, tx("10", "SE")).score()).isEqualTo(100);
    }

    @Test
    void shadowPatternsNeverChangeTheDecision() {
        PatternDefinition shadow = new PatternDefinition("p-s", "shadow", "", "true", "decline", PatternMode.SHADOW, 1);
        CompiledPatternSet patterns = compiler.compile(new PatternSet(3, List.of(shadow)));
        assertThat(decide(patterns, tx("10", "SE")).decision()).isEqualTo(Decision.APPROVE);
    }

    @Test
    void aPatternThatCannotBeEvaluatedForThisTransactionDoesNotMatch() {
        CompiledPatternSet patterns = set(pattern("p-attr", "tx.attributes['missing'] == 'x'", "decline"));
        assertThat(decide(patterns, tx("10", "SE")).decision()).isEqualTo(Decision.APPROVE);
    }

    @Test
    void leavesOutPatternsThatDoNotCompileOrDoNotYieldABoolean() {
        PatternSet set = new PatternSet(
                4,
                List.of(
                        definition("ok", "tx.amount > 1.0", "review"),
                        definition("syntax", "tx.amount >", "review"),
                        definition("not-bool", "tx.amount + 1.0", "review"),
                        definition("bad-effect", "true", "approve")));

        CompiledPatternSet compiled = compiler.compile(set);

        assertThat(compiled.patterns()).extracting(p -> p.definition().id()).containsExactly("ok");
        assertThat(compiled.rejected()).containsExactly("syntax", "not-bool", "bad-effect");
    }

    @Test
    void explainsWhyAPatternIsRejected() {
        assertThatThrownBy(() -> compiler.compile(definition("syntax", "tx.amount >", "review")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ERROR");
        assertThatThrownBy(() -> PatternEffect.parse("score+101")).hasMessageContaining("score+N");
    }

    @Test
    void theFallbackDecisionIsMarked() {
        assertThat(engine.fallback(9)).isEqualTo(new RiskDecision(Decision.REVIEW, 0, List.of(), 9, true, NOW));
    }

    private final InMemoryFeatureStore features = new InMemoryFeatureStore();

    private RiskDecision decide(CompiledPatternSet patterns, TransactionDetails tx) {
        return engine.decide(patterns, tx, features.read(tx));
    }

    private CompiledPatternSet set(CompiledPattern... patterns) {
        return new CompiledPatternSet(3, List.of(patterns), List.of());
    }

    private CompiledPattern pattern(String id, String expression, String effect) {
        return compiler.compile(definition(id, expression, effect));
    }

    private static PatternDefinition definition(String id, String expression, String effect) {
        return new PatternDefinition(id, id + " name", "", expression, effect, PatternMode.ACTIVE, 1);
    }

    private static TransactionDetails tx(String amount, String country) {
        return tx(amount, country, Map.of());
    }

    private static TransactionDetails tx(String amount, String country, Map<String, String> attributes) {
        return new TransactionDetails(
                "tx-1",
                NOW,
                new BigDecimal(amount),
                "EUR",
                "m-1",
                null,
                null,
                null,
                null,
                null,
                null,
                country,
                "card",
                "web",
                null,
                null,
                attributes);
    }
}
