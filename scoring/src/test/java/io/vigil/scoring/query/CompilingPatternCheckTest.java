package io.vigil.scoring.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.patterns.api.CheckPatternQuery;
import org.junit.jupiter.api.Test;

class CompilingPatternCheckTest {

    private final CompilingPatternCheck check =
            new CompilingPatternCheck(new io.vigil.scoring.features.InMemoryFeatureStore());

    @Test
    void aPatternThatCompilesHasNoProblems() {
        assertThat(check.problems("features.card.count_5m >= 3 && tx.amount < 5.0", "decline"))
                .isEmpty();
        assertThat(check.handle(new CheckPatternQuery("tx.amount > 1000.0", "score+12.5"))
                        .compiles())
                .isTrue();
    }

    @Test
    void aMisspeltFieldIsNamedWithTheClosestOneAndTheCompilersMessage() {
        assertThat(check.problems("tx.amout > 100.0", "review")).hasSize(2).satisfies(problems -> {
            assertThat(problems.get(0)).isEqualTo("tx.amout is not a transaction field; did you mean tx.amount?");
            assertThat(problems.get(1)).contains("undeclared reference to 'tx'").contains("| tx.amout > 100.0");
        });
    }

    @Test
    void anExpressionThatYieldsNoBooleanOrAnUnknownEffectIsRefused() {
        assertThat(check.problems("tx.amount", "review")).hasSize(1);
        assertThat(check.handle(new CheckPatternQuery("tx.amount > 1.0", "score+120"))
                        .problems())
                .containsExactly("effect 'score+120' is not one of score+N (N from 0 to 100), review, decline");
    }
}
