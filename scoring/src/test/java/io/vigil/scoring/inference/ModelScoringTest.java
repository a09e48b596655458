package io.vigil.scoring.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.FeatureContribution;
import io.vigil.ingest.api.ModelScore;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.ModelChoice;
import io.vigil.patterns.api.ModelRef;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternSet;
import io.vigil.scoring.config.ScoringSettings;
import io.vigil.scoring.decision.CompiledPatternSet;
import io.vigil.scoring.decision.ModelScores;
import io.vigil.scoring.decision.PatternCompiler;
import io.vigil.scoring.decision.RiskEngine;
import io.vigil.scoring.features.InMemoryFeatureStore;
import io.vigil.scoring.model.EntityHistory;
import io.vigil.scoring.model.FeatureVectors;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The score and explanation of a decision with a model: a tiny model trained here with XGBoost4J. */
class ModelScoringTest {

    private static final Instant NIGHT = Instant.parse("2026-11-23T02:15:00Z");
    private static final Instant NOON = Instant.parse("2026-11-23T12:15:00Z");
    private static byte[] file;

    private final InMemoryFeatureStore features = new InMemoryFeatureStore();
    private final FeatureVectors inputs = new FeatureVectors(new EntityHistory(Clock.systemUTC()));
    private final Map<String, byte[]> store = new HashMap<>();
    private final ModelHolder holder = new ModelHolder(store::get, inputs, new SimpleMeterRegistry());
    private final RiskEngine engine = new RiskEngine(
            new ScoringSettings(50, 80, Decision.REVIEW, Duration.ofSeconds(2), Duration.ofMillis(50)),
            Clock.fixed(NOON, ZoneOffset.UTC));
    private final PatternCompiler compiler = new PatternCompiler();

    @BeforeAll
    static void train() {
        file = TinyModels.nightAndAmount(20);
    }

    private ModelRef publish(int version, byte[] bytes) {
        String document = "vigil-model-risk-v" + version;
        store.put(document, bytes);
        return new ModelRef("risk", version, document, ModelHolder.sha256(bytes), TinyModels.FEATURES);
    }

    @Test
    void theLiveModelsProbabilityIsTheScoreAndItsLargestContributionsExplainIt() {
        holder.choose(new ModelChoice(publish(1, file), null));
        TransactionDetails risky = tx("1800", NIGHT);

        ModelScores scores = holder.score(risky, features.read(risky));
        RiskDecision decision = engine.decide(set(), risky, features.read(risky), scores);

        ModelScore live = decision.model();
        assertThat(live.modelId()).isEqualTo("risk");
        assertThat(live.version()).isEqualTo(1);
        assertThat(live.score()).isGreaterThan(80);
        assertThat(decision.score()).isEqualTo(live.score());
        assertThat(decision.decision()).isEqualTo(Decision.DECLINE);
        assertThat(live.contributions()).isNotEmpty().hasSizeLessThanOrEqualTo(LoadedModel.TOP);
        assertThat(live.contributions().get(0).feature()).isIn("tx.amount", "tx.hour_utc");
        assertThat(live.contributions().get(0).contribution()).isPositive();
        assertThat(live.contributions())
                .extracting(FeatureContribution::feature)
                .contains("tx.amount");
        assertThat(live.contributions())
                .filteredOn(c -> c.feature().equals("tx.amount"))
                .extracting(FeatureContribution::value)
                .containsExactly(1800.0);
        assertThat(live.contributions())
                .extracting(c -> Math.abs(c.contribution()))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));

        TransactionDetails daytime = tx("1800", NOON);
        RiskDecision approved =
                engine.decide(set(), daytime, features.read(daytime), holder.score(daytime, features.read(daytime)));
        assertThat(approved.score()).isLessThan(20);
        assertThat(approved.decision()).isEqualTo(Decision.APPROVE);
    }

    @Test
    void patternsAddToTheModelsScoreCappedAt100AndReadItAsModelScore() {
        holder.choose(new ModelChoice(publish(1, file), null));
        TransactionDetails daytime = tx("1800", NOON);
        ModelScores scores = holder.score(daytime, features.read(daytime));
        double model = scores.live().score();

        RiskDecision plus = engine.decide(
                set(pattern("p-big", "tx.amount > 1000.0", "score+50")), daytime, features.read(daytime), scores);
        assertThat(plus.score()).isEqualTo(Math.min(100, model + 50));
        assertThat(plus.decision()).isEqualTo(Decision.REVIEW);

        RiskDecision capped = engine.decide(
                set(pattern("p-a", "tx.amount > 1000.0", "score+70"), pattern("p-b", "tx.amount > 1.0", "score+70")),
                daytime,
                features.read(daytime),
                scores);
        assertThat(capped.score()).isEqualTo(100);

        RiskDecision reads = engine.decide(
                set(pattern("p-model-low", "model.score < 20.0 && tx.amount > 1000.0", "review")),
                daytime,
                features.read(daytime),
                scores);
        assertThat(reads.decision()).isEqualTo(Decision.REVIEW);
        assertThat(reads.reasons().get(0).features()).containsEntry("model.score", model);
    }

    @Test
    void withoutAModelTheScoreIsThePatternsAndModelScoreReadsZero() {
        TransactionDetails risky = tx("1800", NIGHT);
        ModelScores scores = holder.score(risky, features.read(risky));
        assertThat(scores).isEqualTo(ModelScores.NONE);

        RiskDecision decision = engine.decide(
                set(pattern("p-model", "model.score == 0.0", "score+10")), risky, features.read(risky), scores);
        assertThat(decision.score()).isEqualTo(10);
        assertThat(decision.model()).isNull();
    }

    @Test
    void theShadowModelIsScoredAndRecordedButNeverDecides() {
        holder.choose(new ModelChoice(null, publish(2, file)));
        TransactionDetails risky = tx("1800", NIGHT);

        ModelScores scores = holder.score(risky, features.read(risky));
        RiskDecision decision = engine.decide(set(), risky, features.read(risky), scores);

        assertThat(decision.shadowModel().version()).isEqualTo(2);
        assertThat(decision.shadowModel().score()).isGreaterThan(80);
        assertThat(decision.model()).isNull();
        assertThat(decision.score()).isZero();
        assertThat(decision.decision()).isEqualTo(Decision.APPROVE);
    }

    @Test
    void aModelThatDoesNotLoadLeavesTheOneBefore() {
        holder.choose(new ModelChoice(publish(1, file), null));
        byte[] broken = "{\"learner\": 17}".getBytes(StandardCharsets.UTF_8);

        holder.choose(new ModelChoice(publish(2, broken), null));

        assertThat(holder.live().version()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotTheRegisteredOneIsNotLoaded() {
        holder.choose(new ModelChoice(publish(1, file), null));
        ModelRef tampered = new ModelRef("risk", 2, "vigil-model-risk-v2", "0".repeat(64), TinyModels.FEATURES);
        store.put("vigil-model-risk-v2", file);

        holder.choose(new ModelChoice(tampered, null));

        assertThat(holder.live().version()).isEqualTo(1);
    }

    @Test
    void aNewVersionReplacesTheLiveOneAndNoneRemovesIt() {
        holder.choose(new ModelChoice(publish(1, file), null));
        holder.choose(new ModelChoice(publish(2, TinyModels.nightAndAmount(5)), publish(1, file)));
        assertThat(holder.live().version()).isEqualTo(2);
        assertThat(holder.shadow().version()).isEqualTo(1);

        holder.choose(ModelChoice.NONE);
        assertThat(holder.live()).isNull();
        assertThat(holder.shadow()).isNull();
    }

    @Test
    void theCheckRefusesUnknownFeaturesAndSamplesScoredOtherwise() {
        BoosterModelCheck check = new BoosterModelCheck();
        LoadedModel model = LoadedModel.load(publish(1, file), file);
        float[] row = {1800, 2, 1};
        double own = model.probability(row);
        var sample = new io.vigil.patterns.api.ModelSample(List.of(1800.0, 2.0, 1.0), own);

        assertThat(check.problems(file, TinyModels.FEATURES, List.of(sample))).isEmpty();
        assertThat(check.problems(file, List.of("tx.amount", "tx.hour_utc", "shoe_size"), List.of(sample)))
                .containsExactly("feature shoe_size does not exist: the model features are listed in docs/models.md");
        var off = new io.vigil.patterns.api.ModelSample(List.of(1800.0, 2.0, 1.0), own + 1e-4);
        assertThat(check.problems(file, TinyModels.FEATURES, List.of(sample, off)))
                .singleElement()
                .asString()
                .startsWith("samples[1] is scored");
        assertThat(check.problems(file, List.of("tx.amount", "tx.hour_utc"), List.of()))
                .containsExactly("the model expects 3 features and 2 are named");
        assertThat(check.problems("not a model".getBytes(StandardCharsets.UTF_8), TinyModels.FEATURES, List.of()))
                .singleElement()
                .asString()
                .startsWith("the model file does not load");
    }

    private CompiledPatternSet set(PatternDefinition... patterns) {
        return compiler.compile(new PatternSet(3, List.of(patterns)));
    }

    private static PatternDefinition pattern(String id, String expression, String effect) {
        return new PatternDefinition(id, id, "", expression, effect, PatternMode.ACTIVE, 1);
    }

    private static TransactionDetails tx(String amount, Instant at) {
        return new TransactionDetails(
                "tx-" + amount + at.getEpochSecond(),
                at,
                new BigDecimal(amount),
                "EUR",
                "m-1",
                "c-1",
                null,
                null,
                "d-1",
                null,
                null,
                "SE",
                "card",
                "web",
                null,
                null,
                Map.of());
    }
}
