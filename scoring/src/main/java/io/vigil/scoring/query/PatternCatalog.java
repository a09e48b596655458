package io.vigil.scoring.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.FindPatternSetQuery;
import io.vigil.patterns.api.PatternSet;
import io.vigil.patterns.api.PatternSetUpdate;
import io.vigil.scoring.config.ScoringSettings;
import io.vigil.scoring.decision.CompiledPatternSet;
import io.vigil.scoring.decision.PatternCompiler;
import io.vigil.scoring.decision.RiskEngine;
import io.vigil.scoring.features.CustomFeatureBackfill;
import io.vigil.scoring.features.FeatureStore;
import io.vigil.scoring.inference.ModelHolder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scoring's in-memory copy of the compiled pattern set. The patterns module pushes every new set as soon as it sees
 * the change in the pattern store's change feed: the catalog holds a subscription query on
 * {@link FindPatternSetQuery} and applies each {@link PatternSetUpdate}. A periodic refresh
 * ({@code vigil.scoring.pattern-refresh}) queries the set as well, as a safety net for a change the feed missed.
 * Pushes and refreshes are applied one at a time, so an older read never replaces a newer set.
 *
 * <p>The set is kept as it is while the pattern store is unreachable, so decisions go on when CouchDB is down. Only
 * before the very first successful load does a decision try the store itself, and then at most once per refresh
 * interval, so a store that is down at start-up costs one slow decision per interval, not every decision.
 *
 * <p>The set also names the live and shadow models: the {@link ModelHolder} loads and warms a new one before the set
 * that names it is installed, so a model propagates as fast as a pattern.
 *
 * <p>A newly compiled set is evaluated a few hundred times against made-up transactions before it replaces the
 * current one, so that the first real decision after a start or a change does not pay for class loading and the JIT
 * inside its time budget. The made-up transactions only read the feature store, which reading leaves as it was.
 */
@Component
class PatternCatalog {

    private static final Logger log = LoggerFactory.getLogger(PatternCatalog.class);
    private static final int WARM_UP_ROUNDS = 300;
    /**
     * How long a set after the first may spend warming up: the first set warms up fully before Vigil is ready (the JIT
     * compiles the decision path then); a later one runs on code already compiled, and every millisecond here delays a
     * publication's 1 s (on a slow machine 300 rounds took 500-900 ms).
     */
    private static final long LATER_WARM_UP_NANOS = 100_000_000L;

    private final QueryGateway queries;
    private final long refreshNanos;
    private PatternCompiler compiler = new PatternCompiler();
    private final FeatureStore features;
    private final CustomFeatureBackfill backfill;
    private final ModelHolder models;
    private final RiskEngine engine;
    private final Clock clock;
    private final Timer propagation;
    private volatile CompiledPatternSet current;
    private volatile boolean storeDown;
    private volatile long lastFailure = System.nanoTime() - Long.MAX_VALUE / 2;
    private SubscriptionQueryResult<PatternSet, PatternSetUpdate> subscription;

    @Autowired
    PatternCatalog(
            QueryGateway queries,
            ScoringSettings settings,
            FeatureStore features,
            CustomFeatureBackfill backfill,
            ModelHolder models,
            MeterRegistry meters) {
        this(queries, settings, features, backfill, models, meters, Clock.systemUTC());
    }

    PatternCatalog(
            QueryGateway queries,
            ScoringSettings settings,
            FeatureStore features,
            CustomFeatureBackfill backfill,
            ModelHolder models,
            MeterRegistry meters,
            Clock clock) {
        this.queries = queries;
        this.features = features;
        this.backfill = backfill;
        this.models = models;
        this.engine = new RiskEngine(settings, Clock.systemUTC());
        this.refreshNanos = settings.patternRefresh().toNanos();
        this.clock = clock;
        this.propagation = Timer.builder("vigil.pattern.set.propagation")
                .description("Time from the patterns module seeing a change of the pattern set in the change feed to"
                        + " the new set being live in scoring: reading, compiling and warming it up")
                .serviceLevelObjectives(
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5))
                .register(meters);
        Gauge.builder("vigil.pattern.set.version", this, catalog -> {
                    CompiledPatternSet live = catalog.current;
                    return live == null ? Double.NaN : live.version();
                })
                .description("Version of the pattern set scoring decides with")
                .register(meters);
    }

    /**
     * Subscribes to the sets the patterns module pushes, before any is pushed (the module starts following the
     * change feed only once the context is refreshed). Only the updates are used: the first load is the refresh's.
     */
    @PostConstruct
    void subscribe() {
        subscription = queries.subscriptionQuery(
                new FindPatternSetQuery(),
                ResponseTypes.instanceOf(PatternSet.class),
                ResponseTypes.instanceOf(PatternSetUpdate.class));
        subscription
                .updates()
                .subscribe(
                        this::apply,
                        failure -> log.warn(
                                "Pattern set updates stopped, scoring refreshes every {} only: {}",
                                Duration.ofNanos(refreshNanos),
                                failure.toString()));
    }

    @PreDestroy
    void unsubscribe() {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** The current set; empty until it could be read once (scoring then answers its fallback decision). */
    Optional<CompiledPatternSet> current() {
        if (current == null && System.nanoTime() - lastFailure >= refreshNanos) {
            loadIfMissing();
        }
        return Optional.ofNullable(current);
    }

    /** Waits for a load already under way (e.g. the one at start-up) rather than failing over beside it. */
    private synchronized void loadIfMissing() {
        if (current == null) {
            refresh();
        }
    }

    /**
     * Makes a pushed set live, unless it is the one scoring already has. Never throws: an exception would end the
     * subscription.
     */
    synchronized void apply(PatternSetUpdate update) {
        try {
            if (install(update.set()) && update.seenAt() != null) {
                Duration took = Duration.between(update.seenAt(), clock.instant());
                propagation.record(took.isNegative() ? Duration.ZERO : took);
            }
        } catch (RuntimeException e) {
            log.error(
                    "Pattern set version {} could not be applied", update.set().version(), e);
        }
    }

    @Scheduled(fixedDelayString = "${vigil.scoring.pattern-refresh:30s}", initialDelay = 0)
    synchronized void refresh() {
        try {
            PatternSet set = queries.query(new FindPatternSetQuery(), ResponseTypes.instanceOf(PatternSet.class))
                    .join();
            install(set);
            if (storeDown) {
                log.info("Pattern store is reachable again");
                storeDown = false;
            }
        } catch (RuntimeException e) {
            lastFailure = System.nanoTime();
            if (!storeDown) {
                log.warn("Pattern store unreachable, scoring goes on with the patterns in memory: {}", e.toString());
                storeDown = true;
            }
        }
    }

    /** Compiles, warms up and makes live a set whose version differs from the live one; false when it does not. */
    private boolean install(PatternSet set) {
        CompiledPatternSet known = current;
        if (known != null && known.version() == set.version()) {
            return false;
        }
        defineFeatures(set.features());
        models.choose(set.models());
        CompiledPatternSet compiled = compiler.compile(set);
        warmUp(compiled, known == null ? Long.MAX_VALUE : LATER_WARM_UP_NANOS);
        current = compiled;
        log.info(
                "Scoring with pattern set version {} ({} patterns, {} rejected)",
                set.version(),
                compiled.patterns().size(),
                compiled.rejected().size());
        return true;
    }

    /**
     * Makes the set's analyst features the ones held (new ones start their backfill; patterns read them once it is
     * done) and the compiler one that declares them.
     */
    private void defineFeatures(List<FeatureDefinition> definitions) {
        if (!definitions.equals(compiler.customFeatures())) {
            compiler = new PatternCompiler(definitions);
        }
        PatternCompiler filters = compiler;
        backfill.backfill(features.custom().define(definitions, filter -> {
            try {
                return filters.compileFilter(filter);
            } catch (IllegalArgumentException e) {
                log.error("A feature's filter does not compile, so the feature counts nothing: {}", e.getMessage());
                return tx -> false;
            }
        }));
    }

    /**
     * Evaluates every pattern of the set against made-up transactions, {@value #WARM_UP_ROUNDS} times or until
     * {@code limitNanos} have passed; a failure here is logged, never thrown.
     */
    private void warmUp(CompiledPatternSet set, long limitNanos) {
        long start = System.nanoTime();
        try {
            for (int i = 0; i < WARM_UP_ROUNDS && System.nanoTime() - start < limitNanos; i++) {
                TransactionDetails made = madeUp(i);
                engine.decide(set, made, features.read(made));
            }
            log.debug(
                    "Pattern set version {} warmed up in {} ms",
                    set.version(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn(
                    "Warming up pattern set version {} failed (decisions are not affected): {}",
                    set.version(),
                    e.toString());
        }
    }

    /** Varied amounts, channels and optional fields, under keys no client uses, so patterns take their branches. */
    private static TransactionDetails madeUp(int i) {
        boolean full = i % 2 == 0;
        String key = "vigil-warm-up-" + (i % 7);
        return new TransactionDetails(
                key,
                Instant.now(),
                BigDecimal.valueOf(5 + (i * 97L) % 5000, 2 - i % 3),
                i % 3 == 0 ? "EUR" : "USD",
                key,
                key,
                full ? key : null,
                full ? "411111" : null,
                full ? key : null,
                full ? "192.0.2." + (i % 250) : null,
                full ? key + "@example.invalid" : null,
                i % 4 == 0 ? "DE" : "US",
                i % 5 == 0 ? "wallet" : "card",
                i % 2 == 0 ? "web" : "app",
                full ? "chrome" : null,
                full ? "mobile" : null,
                full ? Map.of("warm_up", "true") : Map.of());
    }
}
