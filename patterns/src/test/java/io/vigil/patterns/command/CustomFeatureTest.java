package io.vigil.patterns.command;

import io.vigil.patterns.api.ArchiveFeatureCommand;
import io.vigil.patterns.api.DefineFeatureCommand;
import io.vigil.patterns.api.FeatureAggregation;
import io.vigil.patterns.api.FeatureArchivedEvent;
import io.vigil.patterns.api.FeatureDefinedEvent;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.PatternCheck;
import io.vigil.patterns.api.PatternInvalidException;
import io.vigil.patterns.api.PatternRuleException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomFeatureTest {

    private static final FeatureDefinition ABROAD = new FeatureDefinition(
            "card_abroad_sum_7d", "card", FeatureAggregation.SUM, null, 10080, "tx.country != 'DE'");
    private static final String ID = DefineFeatureCommand.featureId(ABROAD.name());
    private static final Map<String, String> ANN = Map.of("actor", "ann", "actorKind", "user");

    /** Refuses filters that read features, as the compiler in scoring does. */
    private static final PatternCheck CHECK = new PatternCheck() {
        @Override
        public List<String> problems(String expression, String effect) {
            return List.of();
        }

        @Override
        public List<String> filterProblems(String filter) {
            return filter != null && filter.contains("features.")
                    ? List.of("a filter reads the transaction (tx.*) only, not features")
                    : List.of();
        }
    };

    private AggregateTestFixture<CustomFeature> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CustomFeature.class);
        fixture.registerInjectableResource(CHECK);
        now = fixture.currentTime();
    }

    @Test
    void canDefineAFeatureWithItsAuthor() {
        fixture.givenNoPriorActivity()
                .when(new DefineFeatureCommand(ABROAD, " Spending abroad "), ANN)
                .expectEvents(new FeatureDefinedEvent(ABROAD, "Spending abroad", "ann", now));
    }

    @Test
    void cannotDefineAFeatureWithABadWindowOrAggregation() {
        FeatureDefinition bad = new FeatureDefinition("Bad Name", "planet", null, null, 50_000, null);
        fixture.givenNoPriorActivity()
                .when(new DefineFeatureCommand("feature/bad", bad, ""), ANN)
                .expectException(PatternInvalidException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("name must be"),
                        org.hamcrest.Matchers.containsString("entity must be"),
                        org.hamcrest.Matchers.containsString("aggregation must be"),
                        org.hamcrest.Matchers.containsString("window must be")))
                .expectNoEvents();
    }

    @Test
    void cannotDefineADistinctFeatureWithoutAField() {
        FeatureDefinition noField = new FeatureDefinition("d", "device", FeatureAggregation.DISTINCT, null, 60, null);
        fixture.givenNoPriorActivity()
                .when(new DefineFeatureCommand(noField, ""), ANN)
                .expectException(PatternInvalidException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("field must name what distinct counts"))
                .expectNoEvents();
    }

    @Test
    void cannotDefineAFeatureWhoseFilterDoesNotCompile() {
        FeatureDefinition readsFeatures =
                new FeatureDefinition("f", "card", FeatureAggregation.COUNT, null, 60, "features.card.count_5m > 1");
        fixture.givenNoPriorActivity()
                .when(new DefineFeatureCommand(readsFeatures, ""), ANN)
                .expectException(PatternInvalidException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("does not compile"))
                .expectNoEvents();
    }

    @Test
    void canArchiveAFeatureWithAReason() {
        fixture.given(new FeatureDefinedEvent(ABROAD, "", "ann", now))
                .when(ArchiveFeatureCommand.of(ABROAD.name(), "replaced by a 30-day one"), ANN)
                .expectEvents(new FeatureArchivedEvent(ABROAD.name(), "ann", now, "replaced by a 30-day one"));
    }

    @Test
    void cannotArchiveAFeatureWithoutAReasonOrTwice() {
        fixture.given(new FeatureDefinedEvent(ABROAD, "", "ann", now))
                .when(ArchiveFeatureCommand.of(ABROAD.name(), " "), ANN)
                .expectException(PatternInvalidException.class)
                .expectNoEvents();
        fixture.given(
                        new FeatureDefinedEvent(ABROAD, "", "ann", now),
                        new FeatureArchivedEvent(ABROAD.name(), "ann", now, "old"))
                .when(new ArchiveFeatureCommand(ID, "again"), ANN)
                .expectException(PatternRuleException.class)
                .expectNoEvents();
    }
}
