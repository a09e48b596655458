package io.vigil.scoring.backtest;

import io.vigil.patterns.api.BacktestResult;
import io.vigil.patterns.api.BacktestStatus;
import io.vigil.patterns.api.CancelPatternBacktestCommand;
import io.vigil.patterns.api.FindPatternBacktestQuery;
import io.vigil.patterns.api.FindPatternBacktestsQuery;
import io.vigil.patterns.api.FindPatternQuery;
import io.vigil.patterns.api.FindPatternSetQuery;
import io.vigil.patterns.api.PatternBacktest;
import io.vigil.patterns.api.PatternBacktestBusyException;
import io.vigil.patterns.api.PatternBacktests;
import io.vigil.patterns.api.PatternDefinition;
import io.vigil.patterns.api.PatternDetails;
import io.vigil.patterns.api.PatternDraft;
import io.vigil.patterns.api.PatternInvalidException;
import io.vigil.patterns.api.PatternMode;
import io.vigil.patterns.api.PatternRuleException;
import io.vigil.patterns.api.PatternSet;
import io.vigil.patterns.api.PatternVersion;
import io.vigil.patterns.api.StartPatternBacktestCommand;
import io.vigil.scoring.config.BacktestSettings;
import io.vigil.scoring.config.FeatureStoreSettings;
import io.vigil.scoring.config.ScoringSettings;
import io.vigil.scoring.decision.CompiledPatternSet;
import io.vigil.scoring.decision.PatternCompiler;
import io.vigil.scoring.decision.RiskEngine;
import io.vigil.scoring.features.FeatureStore;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts, cancels and answers pattern backtests. A start is checked at once (the range, the pattern, its expression
 * compiling) and answered with the run kept in PostgreSQL; the replay ({@link BacktestReplay}) then runs on a thread
 * of its own, at most {@code vigil.scoring.backtest.max-concurrent} at a time on one Vigil, writing its progress and
 * counts about once a second.
 */
@Component
class BacktestRunner {

    private static final Logger log = LoggerFactory.getLogger(BacktestRunner.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private final EventStorageEngine storage;
    private final QueryGateway queries;
    private final BacktestRuns runs;
    private final BacktestSettings settings;
    private final RiskEngine engine;
    private final long maxEntities;
    private final Clock clock = Clock.systemUTC();
    private final FeatureStore features;
    private final Semaphore slots;
    private final Map<String, AtomicBoolean> cancelled = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private final ExecutorService workers = Executors.newCachedThreadPool(job -> {
        Thread thread = new Thread(job, "vigil-backtest");
        thread.setDaemon(true);
        return thread;
    });

    BacktestRunner(
            EventStorageEngine storage,
            QueryGateway queries,
            JdbcTemplate jdbc,
            BacktestSettings settings,
            ScoringSettings scoring,
            FeatureStoreSettings featureSettings,
            FeatureStore features) {
        this.storage = storage;
        this.queries = queries;
        this.runs = new BacktestRuns(jdbc, Clock.systemUTC());
        this.settings = settings;
        this.engine = new RiskEngine(scoring, clock);
        this.maxEntities = featureSettings.maxEntities();
        this.features = features;
        this.slots = new Semaphore(settings.maxConcurrent());
    }

    @CommandHandler
    PatternBacktest handle(StartPatternBacktestCommand command, @MetaDataValue("actor") String actor) {
        checkRange(command.from(), command.to());
        PatternDefinition tested = tested(command);
        List<String> problems =
                new PatternCompiler(features.custom().definitions()).problems(tested.expression(), tested.effect());
        if (!problems.isEmpty()) {
            throw PatternInvalidException.doesNotCompile(problems);
        }
        if (!slots.tryAcquire()) {
            throw new PatternBacktestBusyException(settings.maxConcurrent());
        }
        PatternBacktest run = new PatternBacktest(
                command.runId(),
                command.patternId(),
                command.expression() != null ? null : tested.version() == 0 ? null : (int) tested.version(),
                command.expression() != null ? "expression" : tested.version() == 0 ? "draft" : "version",
                tested.expression(),
                tested.effect(),
                command.from(),
                command.to(),
                BacktestStatus.RUNNING,
                0,
                actor,
                clock.instant(),
                null,
                null,
                null);
        try {
            runs.started(run, settings.keptRuns());
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        cancelled.put(run.runId(), new AtomicBoolean());
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(uow -> submit(run, tested));
            CurrentUnitOfWork.get().root().onRollback(uow -> {
                cancelled.remove(run.runId());
                slots.release();
            });
        } else {
            submit(run, tested);
        }
        return run;
    }

    @CommandHandler
    void handle(CancelPatternBacktestCommand command) {
        if (runs.find(command.patternId(), command.runId()).isEmpty()) {
            throw new PatternInvalidException(List.of("runId: no backtest " + command.runId() + " of this pattern"));
        }
        if (!runs.requestCancel(command.runId())) {
            throw new PatternRuleException(command.patternId(), "backtest " + command.runId() + " is not running");
        }
        AtomicBoolean local = cancelled.get(command.runId());
        if (local != null) {
            local.set(true);
        }
    }

    @QueryHandler
    Optional<PatternBacktest> handle(FindPatternBacktestQuery query) {
        return runs.find(query.patternId(), query.runId());
    }

    @QueryHandler
    PatternBacktests handle(FindPatternBacktestsQuery query) {
        return new PatternBacktests(runs.list(query.patternId()));
    }

    @PreDestroy
    void stop() {
        stopping = true;
        cancelled.values().forEach(flag -> flag.set(true));
        workers.shutdown();
        try {
            // a run stops at its next progress check and records why, while the database is still there
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void checkRange(Instant from, Instant to) {
        List<String> problems = new ArrayList<>();
        if (from == null) {
            problems.add("from is required: an ISO-8601 instant such as 2026-11-23T00:00:00Z");
        }
        if (to == null) {
            problems.add("to is required: an ISO-8601 instant such as 2026-11-24T00:00:00Z");
        }
        if (problems.isEmpty() && !from.isBefore(to)) {
            problems.add("to must be after from");
        }
        if (problems.isEmpty() && Duration.between(from, to).compareTo(settings.maxRange()) > 0) {
            problems.add("to must be at most " + describe(settings.maxRange()) + " after from (a backtest's longest"
                    + " range, vigil.scoring.backtest.max-range)");
        }
        if (!problems.isEmpty()) {
            throw new PatternInvalidException(problems);
        }
    }

    /** The pattern as tested: the expression given, the version asked for, or else the draft (or the live version). */
    private PatternDefinition tested(StartPatternBacktestCommand command) {
        String id = command.patternId();
        PatternDetails details = queries.query(
                        new FindPatternQuery(id), ResponseTypes.optionalInstanceOf(PatternDetails.class))
                .join()
                .orElseThrow(() -> new PatternInvalidException(List.of("patternId: no pattern with id " + id)));
        PatternDraft base;
        long version = 0;
        if (command.version() != null) {
            PatternVersion published = details.versions().stream()
                    .filter(v -> v.number() == command.version())
                    .findFirst()
                    .orElseThrow(() -> new PatternInvalidException(
                            List.of("version " + command.version() + " is not a published version of " + id)));
            base = published.draft();
            version = published.number();
        } else if (details.draft() != null) {
            base = details.draft();
        } else {
            Integer live = details.summary().liveVersion();
            PatternVersion published = details.versions().stream()
                    .filter(v -> live != null && v.number() == live)
                    .findFirst()
                    .orElseThrow(() -> new PatternInvalidException(List.of("version: " + id + " has nothing to test")));
            base = published.draft();
            version = published.number();
        }
        if (command.expression() != null) {
            String effect = command.effect() == null || command.effect().isBlank() ? base.effect() : command.effect();
            return new PatternDefinition(
                    id, base.name(), base.description(), command.expression().strip(), effect, PatternMode.ACTIVE, 0);
        }
        return new PatternDefinition(
                id, base.name(), base.description(), base.expression(), base.effect(), PatternMode.ACTIVE, version);
    }

    private void submit(PatternBacktest run, PatternDefinition tested) {
        try {
            workers.execute(() -> {
                try {
                    replay(run, tested);
                } finally {
                    cancelled.remove(run.runId());
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            cancelled.remove(run.runId());
            slots.release();
            runs.finished(run.runId(), BacktestStatus.FAILED, 0, null, "could not start: " + e);
        }
    }

    private void replay(PatternBacktest run, PatternDefinition tested) {
        long started = System.nanoTime();
        AtomicBoolean cancel = cancelled.get(run.runId());
        BacktestResult[] partial = {null};
        double[] share = {0};
        long[] lastBeat = {System.nanoTime()};
        try {
            BacktestReplay.Subject subject = subject(tested);
            BacktestReplay replay = new BacktestReplay(storage, engine, clock, maxEntities);
            BacktestTally tally = replay.run(
                    run.from(),
                    run.to(),
                    subject,
                    (progress, counts) -> {
                        share[0] = progress;
                        if (cancel != null && cancel.get()) {
                            return false;
                        }
                        if (System.nanoTime() - lastBeat[0] < HEARTBEAT.toNanos()) {
                            return true;
                        }
                        lastBeat[0] = System.nanoTime();
                        return !runs.heartbeat(run.runId(), progress, counts.result());
                    },
                    counts -> partial[0] = counts.result());
            BacktestResult result = tally.result();
            runs.finished(run.runId(), BacktestStatus.COMPLETED, 1, result, null);
            log.info(
                    "Backtest {} of {} over {} to {}: {} transactions, {} hits, in {} ms",
                    run.runId(),
                    run.patternId(),
                    run.from(),
                    run.to(),
                    result.transactions(),
                    result.hits(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (CancellationException e) {
            if (stopping) {
                runs.finished(run.runId(), BacktestStatus.FAILED, share[0], partial[0], "stopped: Vigil shut down");
                log.info("Backtest {} of {} stopped: Vigil shuts down", run.runId(), run.patternId());
            } else {
                runs.finished(run.runId(), BacktestStatus.CANCELLED, share[0], partial[0], null);
                log.info("Backtest {} of {} cancelled", run.runId(), run.patternId());
            }
        } catch (RuntimeException e) {
            log.error("Backtest {} of {} failed", run.runId(), run.patternId(), e);
            runs.finished(run.runId(), BacktestStatus.FAILED, share[0], partial[0], e.toString());
        }
    }

    /** The live set as scoring has it now, the tested pattern alone, and the live set with the tested pattern. */
    private BacktestReplay.Subject subject(PatternDefinition tested) {
        PatternSet live = queries.query(new FindPatternSetQuery(), ResponseTypes.instanceOf(PatternSet.class))
                .join();
        List<PatternDefinition> with = new ArrayList<>();
        boolean replaces = false;
        for (PatternDefinition pattern : live.patterns()) {
            if (pattern.id().equals(tested.id())) {
                replaces = true;
            } else {
                with.add(pattern);
            }
        }
        with.add(tested);
        PatternCompiler withFeatures = new PatternCompiler(live.features());
        CompiledPatternSet alone = withFeatures.compile(new PatternSet(0, List.of(tested)));
        return new BacktestReplay.Subject(
                withFeatures.compile(live),
                alone,
                withFeatures.compile(new PatternSet(live.version(), with, live.lists(), live.features())),
                replaces,
                live.features(),
                withFeatures);
    }

    private static String describe(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toHours() + " hours";
    }
}
