package io.vigil.scoring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.ingest.api.Decision;
import io.vigil.patterns.api.FindPatternSetQuery;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternSet;
import io.vigil.patterns.api.PatternSetUpdate;
import io.vigil.scoring.config.ScoringSettings;
import io.vigil.scoring.decision.CompiledPatternSet;
import io.vigil.scoring.features.CustomFeatureBackfill;
import io.vigil.scoring.features.InMemoryFeatureStore;
import io.vigil.scoring.inference.ModelHolder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class PatternCatalogTest {

    private final ScoringSettings settings =
            new ScoringSettings(50, 80, Decision.REVIEW, Duration.ofSeconds(2), Duration.ofMillis(50));
    private final InMemoryFeatureStore features = new InMemoryFeatureStore();
    private final QueryGateway queries = mock(QueryGateway.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CustomFeatureBackfill backfill = new CustomFeatureBackfill(new InMemoryEventStorageEngine());
    /** No model is ever named here: one that would be is read from nowhere. */
    private final ModelHolder models = new ModelHolder(
            document -> {
                throw new IllegalStateException("no model file " + document);
            },
            (names, tx, snapshot) -> new float[names.size()],
            meters);

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void warmsUpANewSetWithoutTouchingTheFeatureStore() {
        answer(new PatternSet(
                4,
                List.of(
                        definition("p-big", "tx.amount > 1000.0", "review"),
                        definition("p-velocity", "features.card.count_5m > 3", "score+30"),
                        definition("p-attr", "tx.attributes['warm_up'] == 'true'", "score+5"))));

        PatternCatalog catalog = new PatternCatalog(queries, settings, features, backfill, models, meters, clock);

        assertThat(catalog.current()).hasValueSatisfying(set -> {
            assertThat(set.version()).isEqualTo(4);
            assertThat(set.patterns()).hasSize(3);
        });
        assertThat(features.entities()).isZero();
    }

    @Test
    void aPatternThatDoesNotEvaluateOnTheMadeUpTransactionsStillGoesLive() {
        answer(new PatternSet(5, List.of(definition("p-missing", "tx.attributes['absent'] == 'x'", "score+10"))));

        PatternCatalog catalog = new PatternCatalog(queries, settings, features, backfill, models, meters, clock);

        assertThat(catalog.current())
                .hasValueSatisfying(set -> assertThat(set.version()).isEqualTo(5));
    }

    @Test
    void aSetPushedThroughTheSubscriptionGoesLiveAndTheTimeItTookIsMeasured() {
        answer(new PatternSet(4, List.of(definition("p-big", "tx.amount > 1000.0", "review"))));
        Sinks.Many<PatternSetUpdate> pushes = subscription();
        PatternCatalog catalog = new PatternCatalog(queries, settings, features, backfill, models, meters, clock);
        catalog.subscribe();
        assertThat(catalog.current())
                .hasValueSatisfying(set -> assertThat(set.version()).isEqualTo(4));

        pushes.tryEmitNext(new PatternSetUpdate(
                new PatternSet(5, List.of(definition("p-small", "tx.amount < 1.0", "decline"))),
                clock.instant().minusMillis(300)));

        assertThat(catalog.current()).hasValueSatisfying(set -> {
            assertThat(set.version()).isEqualTo(5);
            assertThat(set.patterns()).hasSize(1);
        });
        Timer propagation = meters.get("vigil.pattern.set.propagation").timer();
        assertThat(propagation.count()).isEqualTo(1);
        assertThat(propagation.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(300.0);
        assertThat(meters.get("vigil.pattern.set.version").gauge().value()).isEqualTo(5.0);
    }

    @Test
    void aPushOfTheSetAlreadyLiveChangesNothingAndIsNotMeasured() {
        answer(new PatternSet(4, List.of(definition("p-big", "tx.amount > 1000.0", "review"))));
        PatternCatalog catalog = new PatternCatalog(queries, settings, features, backfill, models, meters, clock);
        CompiledPatternSet live = catalog.current().orElseThrow();

        catalog.apply(new PatternSetUpdate(
                new PatternSet(4, List.of(definition("p-big", "tx.amount > 1000.0", "review"))), clock.instant()));

        assertThat(catalog.current()).containsSame(live);
        assertThat(meters.get("vigil.pattern.set.propagation").timer().count()).isZero();
    }

    @Test
    void aSetReadOnConnectingToTheFeedGoesLiveButIsNotMeasuredAsAPropagation() {
        answer(new PatternSet(4, List.of(definition("p-big", "tx.amount > 1000.0", "review"))));
        PatternCatalog catalog = new PatternCatalog(queries, settings, features, backfill, models, meters, clock);
        catalog.current();

        catalog.apply(new PatternSetUpdate(
                new PatternSet(6, List.of(definition("p-big", "tx.amount > 800.0", "review"))), null));

        assertThat(catalog.current())
                .hasValueSatisfying(set -> assertThat(set.version()).isEqualTo(6));
        assertThat(meters.get("vigil.pattern.set.propagation").timer().count()).isZero();
    }

    @Test
    void aPushedSetGoesLiveEvenBeforeTheStoreCouldBeQueriedOnce() {
        when(queries.query(any(FindPatternSetQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("CouchDB is down")));
        PatternCatalog catalog = new PatternCatalog(queries, settings, features, backfill, models, meters, clock);
        assertThat(catalog.current()).isEmpty();

        catalog.apply(new PatternSetUpdate(
                new PatternSet(7, List.of(definition("p-big", "tx.amount > 1000.0", "review"))), clock.instant()));

        assertThat(catalog.current())
                .hasValueSatisfying(set -> assertThat(set.version()).isEqualTo(7));
    }

    @Test
    void aPeriodicRefreshStillPicksUpAChangeThePushMissed() {
        answer(new PatternSet(4, List.of(definition("p-big", "tx.amount > 1000.0", "review"))));
        PatternCatalog catalog = new PatternCatalog(queries, settings, features, backfill, models, meters, clock);
        catalog.current();

        answer(new PatternSet(8, List.of(definition("p-big", "tx.amount > 900.0", "review"))));
        catalog.refresh();

        assertThat(catalog.current())
                .hasValueSatisfying(set -> assertThat(set.version()).isEqualTo(8));
    }

    @SuppressWarnings("unchecked")
    private Sinks.Many<PatternSetUpdate> subscription() {
        Sinks.Many<PatternSetUpdate> pushes = Sinks.many().unicast().onBackpressureBuffer();
        when(queries.subscriptionQuery(
                        any(FindPatternSetQuery.class), any(ResponseType.class), any(ResponseType.class)))
                .thenReturn(new DefaultSubscriptionQueryResult<>(Mono.empty(), pushes.asFlux(), () -> true));
        return pushes;
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
