package io.vigil.patterns.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.patterns.api.PatternDiff;
import io.vigil.patterns.api.PatternDraft;
import org.junit.jupiter.api.Test;

class PatternDiffsTest {

    private static final PatternDraft V1 =
            new PatternDraft("Card testing", "Small amounts", "features.card.count_5m >= 3", "decline");

    @Test
    void sameVersionsHaveNoChanges() {
        assertThat(PatternDiffs.between("p", "1", V1, "live", V1).changes()).isEmpty();
    }

    @Test
    void onlyTheChangedFieldsAreListedWithTheirUnifiedDiff() {
        PatternDraft v2 = new PatternDraft(
                "Card testing", "Small amounts", "features.card.count_5m >= 3\n&& tx.amount < 5.0", "score+40");

        PatternDiff diff = PatternDiffs.between("p", "1", V1, "2", v2);

        assertThat(diff.changes()).extracting(PatternDiff.FieldChange::field).containsExactly("expression", "effect");
        PatternDiff.FieldChange expression = diff.changes().get(0);
        assertThat(expression.before()).isEqualTo("features.card.count_5m >= 3");
        assertThat(expression.after()).isEqualTo("features.card.count_5m >= 3\n&& tx.amount < 5.0");
        assertThat(expression.unified())
                .containsExactly(
                        "--- expression (1)",
                        "+++ expression (2)",
                        "@@ -1,1 +1,2 @@",
                        " features.card.count_5m >= 3",
                        "+&& tx.amount < 5.0");
        assertThat(diff.changes().get(1).unified()).contains("-decline", "+score+40");
    }

    @Test
    void anEmptyDescriptionThatGetsTextIsAnAddition() {
        PatternDraft v2 = new PatternDraft(V1.name(), "", V1.expression(), V1.effect());

        PatternDiff diff = PatternDiffs.between("p", "draft", v2, "live", V1);

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo("description");
            assertThat(change.unified()).contains("+Small amounts");
        });
    }
}
