package io.vigil.scoring.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.PatternTestResult;
import io.vigil.patterns.api.PatternTestResult.Clause;
import io.vigil.scoring.features.InMemoryFeatureStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleEvaluationTest {

    private final InMemoryFeatureStore store = new InMemoryFeatureStore();
    private final SampleEvaluation evaluation = new SampleEvaluation();

    @Test
    void explainsEveryValueReadAndEachTopLevelClause() {
        TransactionDetails earlier = tx("t-0", "1.00", Instant.parse("2026-11-23T10:00:00Z"));
        store.record(earlier);
        store.record(tx("t-1", "2.00", Instant.parse("2026-11-23T10:01:00Z")));
        TransactionDetails tx = tx("t-2", "120.00", Instant.parse("2026-11-23T10:02:00Z"));

        PatternTestResult result = evaluation.evaluate(
                "features.card.count_5m >= 2 && tx.amount > 100.0 && tx.country == 'SE'", tx, store.read(tx), Map.of());

        assertThat(result.problems()).isEmpty();
        assertThat(result.matches()).isFalse();
        assertThat(result.error()).isNull();
        assertThat(result.transactionId()).isEqualTo("t-2");
        assertThat(result.values())
                .containsExactly(
                        Map.entry("features.card.count_5m", 2L),
                        Map.entry("tx.amount", 120.0),
                        Map.entry("tx.country", "DE"));
        assertThat(result.clauses())
                .containsExactly(
                        new Clause("features.card.count_5m >= 2", true, null),
                        new Clause("tx.amount > 100.0", true, null),
                        new Clause("tx.country == 'SE'", false, null));
    }

    @Test
    void givenFeaturesReplaceTheStoresAndAFailingClauseSaysWhy() {
        TransactionDetails tx = tx("t-1", "3.00", Instant.parse("2026-11-23T10:02:00Z"));

        PatternTestResult result = evaluation.evaluate(
                "(features.card.count_1h >= 7 && tx.amount < 5.0) || tx.attributes['category'] == 'gift'",
                tx,
                store.read(tx),
                Map.of("features.card.count_1h", 7));

        assertThat(result.matches()).isTrue();
        assertThat(result.values()).containsEntry("features.card.count_1h", 7L).containsEntry("tx.amount", 3.0);
        assertThat(result.clauses()).hasSize(2);
        assertThat(result.clauses().get(0))
                .isEqualTo(new Clause("(features.card.count_1h >= 7 && tx.amount < 5.0)", true, null));
        assertThat(result.clauses().get(1).value()).isNull();
        assertThat(result.clauses().get(1).error()).contains("category");
    }

    @Test
    void anExpressionThatDoesNotCompileIsRefusedWithTheCompilersWords() {
        TransactionDetails tx = tx("t-1", "3.00", Instant.parse("2026-11-23T10:02:00Z"));

        PatternTestResult result = evaluation.evaluate("tx.amout > 1.0", tx, store.read(tx), Map.of());

        assertThat(result.matches()).isNull();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("did you mean tx.amount?"));
    }

    @Test
    void splitsOnlyAtTheTopAndNeverInsideStringsOrParentheses() {
        assertThat(SampleEvaluation.clauses("a && (b || c) && 'x && y' == d"))
                .containsExactly("a", "(b || c)", "'x && y' == d");
        assertThat(SampleEvaluation.clauses("a && b || c")).containsExactly("a && b", "c");
        assertThat(SampleEvaluation.clauses("a ? b && c : d")).containsExactly("a ? b && c : d");
        assertThat(SampleEvaluation.clauses("tx.amount > 1.0")).containsExactly("tx.amount > 1.0");
    }

    @Test
    void featureValuesMustBeFeaturesOfTheirType() {
        assertThat(SampleEvaluation.featureProblems(
                        Map.of("features.card.count_1h", 7, "features.card.amount_1h", 2.5)))
                .isEmpty();
        assertThat(SampleEvaluation.featureProblems(Map.of("features.card.count_7m", 1)))
                .containsExactly("features: features.card.count_7m is not a feature (docs/patterns.md lists them)");
        assertThat(SampleEvaluation.featureProblems(Map.of("features.card.count_1h", "many")))
                .containsExactly("features: features.card.count_1h must be int");
    }

    private static TransactionDetails tx(String id, String amount, Instant at) {
        return new TransactionDetails(
                id,
                at,
                new BigDecimal(amount),
                "EUR",
                "m-1",
                null,
                "card-1",
                null,
                null,
                null,
                null,
                "DE",
                null,
                null,
                null,
                null,
                Map.of());
    }
}
