package io.vigil.scoring.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.runtime.CelEvaluationException;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.FeatureAggregation;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternMode;
import io.vigil.scoring.features.InMemoryFeatureStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pattern language is safe: type-checked, no I/O, no calls outside CEL, bounded work. */
class PatternCompilerTest {

    private final PatternCompiler compiler = new PatternCompiler();

    @Test
    void compilesTheIssuesExamples() {
        compile("tx.amount > 500.0 && features.card.count_5m >= 3");
        compile("features.device.distinct_cards_24h > 4 && tx.country != features.customer.home_country");
        compile("tx.amount > 500"); // int and double compare as numbers
        compile("tx.attributes['category'] == 'gift_cards' && tx.hour < 6");
        compile("tx.deviceId != '' && features.graph.device_fraud_cards >= 2");
        compile("features.graph.fraud_entities_2hop > 0 || features.graph.email_fraud_devices > 0");
    }

    @Test
    void rejectsAnInvalidExpressionWithTheCompilersMessage() {
        assertThatThrownBy(() -> compile("tx.amount >"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mismatched input");
        assertThatThrownBy(() -> compile("tx.amount")).hasMessageContaining("bool"); // must yield a boolean
    }

    @Test
    void rejectsMisspeltFieldsAndFeatures() {
        assertThatThrownBy(() -> compile("features.card.count_7m > 1")).hasMessageContaining("undeclared reference");
        assertThatThrownBy(() -> compile("tx.amout > 1.0")).hasMessageContaining("undeclared reference");
        assertThatThrownBy(() -> compile("features.graph.device_devices > 1"))
                .as("a kind is not linked to itself")
                .hasMessageContaining("undeclared reference");
        assertThatThrownBy(() -> compile("features.graph.merchant_cards > 1"))
                .as("merchants are not linked")
                .hasMessageContaining("undeclared reference");
    }

    @Test
    void namesTheMisspeltFieldOrFeatureAndTheClosestDeclaredOne() {
        PatternCompiler compiler = new PatternCompiler();

        assertThat(compiler.problems("tx.amout > 1.0 && features.card.cnt_5m > 2", "review"))
                .startsWith(
                        "tx.amout is not a transaction field; did you mean tx.amount?",
                        "features.card.cnt_5m is not a feature; did you mean features.card.count_5m?")
                .hasSize(3); // and the compiler's own message
        assertThat(compiler.problems("features.planet.zorg > 1", "review"))
                .first()
                .isEqualTo("features.planet.zorg is not a feature (docs/patterns.md lists them)");
        assertThat(compiler.problems(
                        "'category' in tx.attributes && tx.attributes['category'] == 'tx.nothing'", "review"))
                .isEmpty();
        assertThat(compiler.problems("tx.amount", "review"))
                .singleElement()
                .asString()
                .contains("bool");
    }

    @Test
    void declaresAnalystFeaturesWithTheirTypesAndNamesTheClosestOne() {
        PatternCompiler compiler = new PatternCompiler(List.of(
                new FeatureDefinition("card_abroad_sum_7d", "card", FeatureAggregation.SUM, null, 10080, null),
                new FeatureDefinition(
                        "device_cards_12h", "device", FeatureAggregation.DISTINCT, "cardFingerprint", 720, null)));

        assertThat(compiler.problems(
                        "features.custom.card_abroad_sum_7d > 2000.0 && features.custom.device_cards_12h >= 5",
                        "decline"))
                .isEmpty();
        assertThat(compiler.problems("features.custom.card_abroad_sum_7 > 2000.0", "decline"))
                .first()
                .isEqualTo("features.custom.card_abroad_sum_7 is not a feature; did you mean"
                        + " features.custom.card_abroad_sum_7d?");
        assertThat(new PatternCompiler().problems("features.custom.card_abroad_sum_7d > 2000.0", "decline"))
                .isNotEmpty();
    }

    @Test
    void aFeatureFilterReadsTheTransactionAlone() {
        PatternCompiler compiler = new PatternCompiler();

        assertThat(compiler.filterProblems("tx.country != 'DE' && tx.amount > 10.0"))
                .isEmpty();
        assertThat(compiler.filterProblems(null)).isEmpty();
        assertThat(compiler.filterProblems("features.card.count_5m > 2"))
                .first()
                .isEqualTo("a filter reads the transaction (tx.*) only, not features");
        assertThat(compiler.filterProblems("tx.contry != 'DE'"))
                .first()
                .isEqualTo("tx.contry is not a transaction field; did you mean tx.country?");
    }

    @Test
    void everyPatternOfTheDemosSetCompiles() throws Exception {
        JsonNode file = new ObjectMapper()
                .readTree(Path.of("..", "docs", "examples", "patterns.json").toFile());
        PatternCompiler compiler = new PatternCompiler();

        assertThat(file.path("patterns"))
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(pattern -> assertThat(compiler.problems(
                                pattern.path("expression").asText(),
                                pattern.path("effect").asText()))
                        .as(pattern.path("id").asText())
                        .isEmpty());
    }

    @Test
    void cannotReachFilesTheNetworkOrJava() {
        assertThatThrownBy(() -> compile("readFile('/etc/passwd') != ''")).hasMessageContaining("undeclared reference");
        assertThatThrownBy(() -> compile("java.io.File('/etc/passwd').exists()"))
                .hasMessageContaining("undeclared reference");
        assertThatThrownBy(() -> compile("tx.id.getClass() != ''")).hasMessageContaining("undeclared reference");
        assertThatThrownBy(() -> compile("Runtime.getRuntime().exec('id') == null"))
                .hasMessageContaining("undeclared reference");
    }

    @Test
    void cannotRunPastItsCostLimit() throws Exception {
        String hundred = IntStream.range(0, 100).mapToObj(Integer::toString).collect(Collectors.joining(","));
        // 100 x 100 iterations, over the limit of 1,000 per evaluation
        CompiledPattern heavy = compile("[" + hundred + "].all(x, [" + hundred + "].all(y, x + y >= 0))");
        var tx = new TransactionDetails(
                "t",
                Instant.parse("2026-11-23T10:00:00Z"),
                BigDecimal.ONE,
                "EUR",
                "m",
                null,
                null,
                null,
                null,
                null,
                null,
                "SE",
                null,
                null,
                null,
                null,
                Map.of());
        PatternVariables variables = new PatternVariables(tx, new InMemoryFeatureStore().read(tx));

        assertThatThrownBy(() -> heavy.program().eval(variables))
                .isInstanceOf(CelEvaluationException.class)
                .hasMessageContaining("Iteration budget exceeded");
    }

    @Test
    void cannotBeLongerOrDeeperThanTheLimits() {
        String tooLong = "tx.amount > 1.0" + " || tx.amount > 1.0".repeat(300);
        assertThat(tooLong.length()).isGreaterThan(PatternCompiler.MAX_EXPRESSION_LENGTH);
        assertThatThrownBy(() -> compile(tooLong)).hasMessageContaining("size");
        String tooDeep = "(".repeat(60) + "true" + ")".repeat(60);
        assertThatThrownBy(() -> compile(tooDeep)).isInstanceOf(IllegalArgumentException.class);
    }

    private CompiledPattern compile(String expression) {
        return compiler.compile(new PatternDefinition("p", "p", "", expression, "review", PatternMode.ACTIVE, 1));
    }
}
