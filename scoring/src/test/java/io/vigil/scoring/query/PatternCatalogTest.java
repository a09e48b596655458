package io.vigil.scoring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.vigil.ingest.api.Decision;
import io.vigil.patterns.api.FindPatternSetQuery;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternSet;
import io.vigil.scoring.config.ScoringSettings;
import io.vigil.scoring.features.InMemoryFeatureStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

class PatternCatalogTest {

    private final ScoringSettings settings =
            new ScoringSettings(50, 80, Decision.REVIEW, Duration.ofSeconds(2), Duration.ofMillis(50));
    private final InMemoryFeatureStore features = new InMemoryFeatureStore();
    private final QueryGateway queries = mock(QueryGateway.class);

    @Test
    void warmsUpANewSetWithoutTouchingTheFeatureStore() {
        answer(new PatternSet(
                4,
                List.of(
                        definition("p-big", "tx.amount > 1000.0", "review"),
                        definition("p-velocity", "features.card.count_5m > 3", "score+30"),
                        definition("p-attr", "tx.attributes['warm_up'] == 'true'", "score+5"))));

        PatternCatalog catalog = new PatternCatalog(queries, settings, features);

        assertThat(catalog.current()).hasValueSatisfying(set -> {
            assertThat(set.version()).isEqualTo(4);
            assertThat(set.patterns()).hasSize(3);
        });
        assertThat(features.entities()).isZero();
    }

    @Test
    void aPatternThatDoesNotEvaluateOnTheMadeUpTransactionsStillGoesLive() {
        answer(new PatternSet(5, List.of(definition("p-missing", "tx.attributes['absent'] == 'x'", "score+10"))));

        PatternCatalog catalog = new PatternCatalog(queries, settings, features);

        assertThat(catalog.current())
                .hasValueSatisfying(set -> assertThat(set.version()).isEqualTo(5));
    }

    @SuppressWarnings("unchecked")
    private void answer(PatternSet set) {
        when(queries.query(any(FindPatternSetQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(set));
    }

    private static PatternDefinition definition(String id, String expression, String effect) {
        return new PatternDefinition(id, id + " name", "", expression, effect, PatternMode.ACTIVE, 1);
    }
}
