package io.vigil.web.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.vigil.patterns.api.ArchiveFeatureCommand;
import io.vigil.patterns.api.DefineFeatureCommand;
import io.vigil.patterns.api.FeatureAggregation;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.FeatureList;
import io.vigil.patterns.api.FeatureStates;
import io.vigil.patterns.api.FindFeatureStatesQuery;
import io.vigil.patterns.api.FindFeaturesQuery;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;

@WebMvcTest(FeaturesController.class)
class FeaturesControllerTest extends ConsoleMvcTestSupport {

    private static final FeatureDefinition ABROAD = new FeatureDefinition(
            "card_abroad_sum_7d", "card", FeatureAggregation.SUM, null, 10080, "tx.country != 'DE'");
    private static final FeatureDefinition COUNTRIES = new FeatureDefinition(
            "customer_countries_30d", "customer", FeatureAggregation.DISTINCT, "country", 43200, null);
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    @BeforeEach
    void analyst() {
        signedIn = ANALYST;
    }

    private void features(FeatureStates.State... states) {
        answer(
                FindFeaturesQuery.class,
                new FeatureList(List.of(
                        new FeatureList.Item(ABROAD, "spending abroad", "anna", AT, false, null, null, null),
                        new FeatureList.Item(COUNTRIES, "", "amy", AT, false, null, null, null))));
        answer(FindFeatureStatesQuery.class, new FeatureStates(List.of(states)));
    }

    @WithAndWithoutHtmx
    void listsTheFeaturesWithTheirBackfillAndMemory(boolean htmx) throws Exception {
        features(
                new FeatureStates.State("card_abroad_sum_7d", true, 1, 5061, 1204, 504),
                new FeatureStates.State("customer_countries_30d", false, 0.42, 900, 70, 680));

        String html = render(get("/features"), htmx);

        assertThat(rowOf(html, "data-feature=\"card_abroad_sum_7d\""))
                .contains(
                        "features.custom.card_abroad_sum_7d",
                        ">card<",
                        ">sum<",
                        ">7d<",
                        "tx.country != &#39;DE&#39;",
                        ">ready<",
                        ">1,204<",
                        ">504<",
                        "2026-11-29 10:00 by anna");
        assertThat(rowOf(html, "data-feature=\"customer_countries_30d\""))
                .contains(">distinct of country<", ">30d<", ">backfilling 42%<");
        // while one backfills, the table refreshes itself
        assertThat(html).contains("hx-trigger=\"every 2s\"");
        if (!htmx) {
            assertThat(html).contains("id=\"feature-form\"");
        }
    }

    @WithAndWithoutHtmx
    void definesAFeatureFromTheForm(boolean htmx) throws Exception {
        features();

        submit(
                post("/features")
                        .param("name", "ip_count_1h")
                        .param("entity", "ip")
                        .param("aggregation", "count")
                        .param("field", "")
                        .param("window", "1h")
                        .param("filter", "")
                        .param("description", "busy IPs"),
                false);

        DefineFeatureCommand sent = sent(DefineFeatureCommand.class);
        assertThat(sent.definition())
                .isEqualTo(new FeatureDefinition("ip_count_1h", "ip", FeatureAggregation.COUNT, null, 60, null));
        assertThat(sent.description()).isEqualTo("busy IPs");
    }

    @WithAndWithoutHtmx
    void aBadDefinitionIsShownWithWhatWasTyped(boolean htmx) throws Exception {
        features();

        String html = render(
                post("/features")
                        .param("name", "Bad Name")
                        .param("entity", "card")
                        .param("aggregation", "count")
                        .param("window", "3 weeks"),
                htmx);

        assertThat(html)
                .contains("Not defined: name must be lower-case letters")
                .contains("window must be written like 90m, 12h or 7d")
                .contains("value=\"Bad Name\"", "value=\"3 weeks\"");
        assertThat(org.mockito.Mockito.mockingDetails(commands).getInvocations())
                .isEmpty();
    }

    @WithAndWithoutHtmx
    void aNameTakenIsRefused(boolean htmx) throws Exception {
        features();

        String html = render(
                post("/features")
                        .param("name", "card_abroad_sum_7d")
                        .param("entity", "card")
                        .param("aggregation", "count")
                        .param("window", "1h"),
                htmx);

        assertThat(html).contains("a feature named card_abroad_sum_7d exists already");
    }

    @WithAndWithoutHtmx
    void archivesAFeatureWithAReason(boolean htmx) throws Exception {
        features();

        submit(post("/features/card_abroad_sum_7d/archive").param("reason", "replaced"), false);

        assertThat(sent(ArchiveFeatureCommand.class))
                .isEqualTo(new ArchiveFeatureCommand("feature/card_abroad_sum_7d", "replaced"));
    }

    @WithAndWithoutHtmx
    void operatorsNeitherSeeNorDefineFeatures(boolean htmx) throws Exception {
        signedIn = OPERATOR;
        assertRefused(get("/features"), htmx);
        assertRefused(post("/features").param("name", "x"), htmx);
    }
}
