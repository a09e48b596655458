package io.vigil.web.patterns;

import static io.vigil.web.patterns.PatternFixtures.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.vigil.patterns.api.FindPatternQuery;
import io.vigil.patterns.api.PatternTestResult;
import io.vigil.patterns.api.PatternTestResult.Clause;
import io.vigil.patterns.api.TestPatternQuery;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;

/**
 * The editor's "Test with a transaction" box: it is in the editor, sends the expression with the typed transaction
 * or a recorded one's id, and shows whether it matches with each clause's value and each value read, or why it could
 * not test. Each case runs with and without htmx's HX-Request header.
 */
@WebMvcTest(PatternsController.class)
class PatternSampleTestControllerTest extends ConsoleMvcTestSupport {

    private static final String EXPRESSION = "features.card.count_1h >= 7 && tx.amount > 100.0";
    private static final String SAMPLE = "{\"amount\": 120.0, \"features\": {\"features.card.count_1h\": 7}}";

    @BeforeEach
    void anAnalyst() {
        signedIn = ANALYST;
        answer(FindPatternQuery.class, Optional.of(SUBMITTED));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("features.card.count_1h", 7L);
        values.put("tx.amount", 120.0);
        answer(
                TestPatternQuery.class,
                new PatternTestResult(
                        List.of(),
                        true,
                        null,
                        "sample",
                        values,
                        List.of(
                                new Clause("features.card.count_1h >= 7", true, null),
                                new Clause("tx.amount > 100.0", true, null))));
    }

    @WithAndWithoutHtmx
    void theEditorHasTheTestBox(boolean htmx) throws Exception {
        String html = render(get("/patterns/p-card-testing"), htmx);

        assertThat(html)
                .contains("id=\"sample-test\"", "Test with a transaction", "<textarea name=\"sample\"")
                .contains("name=\"sampleTransactionId\"", "formaction=\"/patterns/test\"", "hx-post=\"/patterns/test\"")
                .contains("<div id=\"sample-result\"");
    }

    @WithAndWithoutHtmx
    void aTypedTransactionIsTestedAndExplained(boolean htmx) throws Exception {
        String html = render(
                post("/patterns/test")
                        .param("pattern", "p-card-testing")
                        .param("name", "Card testing")
                        .param("expression", EXPRESSION)
                        .param("effect", "decline")
                        .param("sample", SAMPLE)
                        .param("sampleTransactionId", ""),
                htmx);

        assertThat(queried(TestPatternQuery.class)).isEqualTo(new TestPatternQuery(EXPRESSION, SAMPLE, null));
        assertThat(html)
                .contains("class=\"sample-match\"", "<strong>Matches</strong>")
                .contains("<code>features.card.count_1h &gt;= 7</code>", "<code>tx.amount &gt; 100.0</code>")
                .contains("<code>features.card.count_1h</code>", "<code>7</code>", "<code>120.0</code>");
        if (htmx) {
            assertThat(html.strip()).startsWith("<div id=\"sample-result\"");
        } else {
            assertThat(html)
                    .as("the whole editor again, as typed, with the box open")
                    .contains("action=\"/patterns/p-card-testing/draft\"", "open=\"open\"")
                    .contains("&quot;features.card.count_1h&quot;: 7");
        }
    }

    @WithAndWithoutHtmx
    void aRecordedTransactionIsTestedByItsId(boolean htmx) throws Exception {
        render(
                post("/patterns/test")
                        .param("pattern", "p-card-testing")
                        .param("expression", EXPRESSION)
                        .param("sample", "")
                        .param("sampleTransactionId", "tx-000123"),
                htmx);

        assertThat(queried(TestPatternQuery.class)).isEqualTo(new TestPatternQuery(EXPRESSION, null, "tx-000123"));
    }

    @WithAndWithoutHtmx
    void whyItCouldNotTestIsShown(boolean htmx) throws Exception {
        answer(TestPatternQuery.class, PatternTestResult.refused(List.of("amount must be greater than 0")));

        String html = render(
                post("/patterns/test").param("expression", EXPRESSION).param("sample", "{\"amount\": -1}"), htmx);

        assertThat(html)
                .contains("role=\"alert\"", "Not tested:", "amount must be greater than 0")
                .doesNotContain("<strong>Matches</strong>");
    }

    @WithAndWithoutHtmx
    void viewersAndOperatorsCannotTest(boolean htmx) throws Exception {
        for (var user : List.of(VIEWER, OPERATOR)) {
            signedIn = user;
            assertRefused(post("/patterns/test").param("expression", EXPRESSION).param("sample", SAMPLE), htmx);
        }
    }
}
