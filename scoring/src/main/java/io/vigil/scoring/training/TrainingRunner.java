package io.vigil.scoring.training;

import io.vigil.patterns.api.FindPatternSetQuery;
import io.vigil.patterns.api.PatternSet;
import io.vigil.scoring.api.CancelModelTrainingCommand;
import io.vigil.scoring.api.FindModelTrainingQuery;
import io.vigil.scoring.api.FindModelTrainingsQuery;
import io.vigil.scoring.api.LabelTime;
import io.vigil.scoring.api.ModelTrainingRefusedException;
import io.vigil.scoring.api.ModelTrainingStatus;
import io.vigil.scoring.api.ModelTrainings;
import io.vigil.scoring.api.StartModelTrainingCommand;
import io.vigil.scoring.api.TrainedModel;
import io.vigil.scoring.config.FeatureStoreSettings;
import io.vigil.scoring.config.ScoringSettings;
import io.vigil.scoring.config.TrainingSettings;
import io.vigil.scoring.decision.RiskEngine;
import io.vigil.scoring.inference.ModelHolder;
import io.vigil.scoring.model.ModelFeatures;
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
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts, cancels and answers model trainings. A start is checked at once and answered with the run kept in
 * PostgreSQL; the replay ({@link TrainingReplay}) and the boosting ({@link ModelTrainer}) then run on a thread of their
 * own, at most {@code vigil.scoring.training.max-concurrent} at a time on one Vigil, writing progress about once a
 * second. Also streams the training set as CSV for {@code ./vigil model export-features}.
 */
@Component
class TrainingRunner {

    static final int DEFAULT_TREES = 300;
    static final int MAX_TREES = 5_000;
    static final Duration DEFAULT_HOLDOUT = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(TrainingRunner.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final double REPLAY_SHARE = 0.8;

    private final EventStorageEngine storage;
    private final QueryGateway queries;
    private final TrainingRuns runs;
    private final TrainingSettings settings;
    private final ScoringSettings scoring;
    private final RiskEngine engine;
    private final ModelHolder models;
    private final long maxEntities;
    private final Clock clock = Clock.systemUTC();
    private final Semaphore slots;
    private final Map<String, AtomicBoolean> cancelled = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private final ExecutorService workers = Executors.newCachedThreadPool(job -> {
        Thread thread = new Thread(job, "vigil-training");
        thread.setDaemon(true);
        return thread;
    });

    TrainingRunner(
            EventStorageEngine storage,
            QueryGateway queries,
            JdbcTemplate jdbc,
            TrainingSettings settings,
            ScoringSettings scoring,
            FeatureStoreSettings featureSettings,
            ModelHolder models) {
        this.storage = storage;
        this.models = models;
        this.queries = queries;
        this.runs = new TrainingRuns(jdbc, clock);
        this.settings = settings;
        this.scoring = scoring;
        this.engine = new RiskEngine(scoring, clock);
        this.maxEntities = featureSettings.maxEntities();
        this.slots = new Semaphore(settings.maxConcurrent());
    }

    @CommandHandler
    TrainedModel handle(StartModelTrainingCommand command, @MetaDataValue("actor") String actor) {
        List<String> problems = new ArrayList<>();
        checkRange(command.from(), command.to(), problems);
        Instant holdoutFrom = command.holdoutFrom();
        if (problems.isEmpty() && holdoutFrom == null) {
            holdoutFrom = command.to().minus(DEFAULT_HOLDOUT);
        }
        if (problems.isEmpty() && (!holdoutFrom.isAfter(command.from()) || !holdoutFrom.isBefore(command.to()))) {
            problems.add("holdoutFrom must be after from and before to (the default is 7 days before to)");
        }
        Duration maturity = command.maturity() == null ? Duration.ZERO : command.maturity();
        if (maturity.isNegative()) {
            problems.add("maturity must not be negative");
        }
        int trees = command.trees() == null ? DEFAULT_TREES : command.trees();
        if (trees < 1 || trees > MAX_TREES) {
            problems.add("trees must be between 1 and " + MAX_TREES);
        }
        if (!problems.isEmpty()) {
            throw new ModelTrainingRefusedException(problems, false);
        }
        if (!slots.tryAcquire()) {
            throw new ModelTrainingRefusedException(
                    List.of("already " + settings.maxConcurrent() + " training(s) running on this Vigil"
                            + " (vigil.scoring.training.max-concurrent); try again when one ends"),
                    true);
        }
        TrainedModel run = new TrainedModel(
                command.trainingId(),
                ModelTrainingStatus.RUNNING,
                0,
                command.from(),
                command.to(),
                holdoutFrom,
                maturity,
                trees,
                command.labelTime() == null ? LabelTime.REPORTED : command.labelTime(),
                actor,
                clock.instant(),
                null,
                ModelFeatures.names(),
                null,
                null,
                null,
                null);
        try {
            runs.started(run);
            cancelled.put(run.trainingId(), new AtomicBoolean());
            workers.execute(() -> {
                try {
                    train(run);
                } finally {
                    cancelled.remove(run.trainingId());
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            cancelled.remove(run.trainingId());
            slots.release();
            throw e;
        }
        return run;
    }

    @CommandHandler
    void handle(CancelModelTrainingCommand command) {
        if (runs.find(command.trainingId()).isEmpty()) {
            throw new ModelTrainingRefusedException(List.of("no training " + command.trainingId()), false);
        }
        if (!runs.requestCancel(command.trainingId())) {
            throw new ModelTrainingRefusedException(
                    List.of("training " + command.trainingId() + " is not running"), false);
        }
        AtomicBoolean local = cancelled.get(command.trainingId());
        if (local != null) {
            local.set(true);
        }
    }

    @QueryHandler
    Optional<TrainedModel> handle(FindModelTrainingQuery query) {
        return runs.find(query.trainingId());
    }

    @QueryHandler
    ModelTrainings handle(FindModelTrainingsQuery query) {
        return new ModelTrainings(runs.latest(Math.max(1, Math.min(query.limit(), 200))));
    }

    /**
     * Replays {@code [from, to)} and hands each row to {@code rows} (the CSV export), in the caller's thread.
     *
     * @return the rows
     */
    long export(Instant from, Instant to, LabelTime labelTime, Consumer<TrainingReplay.Row> rows) {
        List<String> problems = new ArrayList<>();
        checkRange(from, to, problems);
        if (!problems.isEmpty()) {
            throw new ModelTrainingRefusedException(problems, false);
        }
        TrainingReplay replay = new TrainingReplay(storage, engine, clock, maxEntities);
        return replay.run(
                new TrainingReplay.Spec(from, to, Duration.ZERO, labelTime, ModelFeatures.names()),
                new PatternSet(0, List.of()),
                share -> !stopping,
                rows);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        cancelled.values().forEach(flag -> flag.set(true));
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void checkRange(Instant from, Instant to, List<String> problems) {
        if (from == null) {
            problems.add("from is required: an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
        if (to == null) {
            problems.add("to is required: an ISO-8601 instant such as 2026-11-29T00:00:00Z");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add("to must be after from");
        }
    }

    private void train(TrainedModel run) {
        long started = System.nanoTime();
        AtomicBoolean cancel = cancelled.get(run.trainingId());
        double[] share = {0};
        long[] lastBeat = {System.nanoTime()};
        try {
            PatternSet live = queries.query(new FindPatternSetQuery(), ResponseTypes.instanceOf(PatternSet.class))
                    .join();
            List<ModelTrainer.Kept> rows = new ArrayList<>();
            TrainingReplay replay = new TrainingReplay(storage, engine, clock, maxEntities);
            replay.run(
                    new TrainingReplay.Spec(run.from(), run.to(), run.maturity(), run.labelTime(), run.featureNames()),
                    live,
                    s -> proceed(run.trainingId(), cancel, s * REPLAY_SHARE, share, lastBeat),
                    row -> {
                        if (rows.size() >= settings.maxRows()) {
                            throw new IllegalStateException("the range holds more than " + settings.maxRows()
                                    + " transactions (vigil.scoring.training.max-rows): shorten it");
                        }
                        rows.add(new ModelTrainer.Kept(
                                row.values(),
                                row.fraud(),
                                row.tx().amount() == null
                                        ? 0
                                        : row.tx().amount().doubleValue(),
                                row.tx().timestamp().getEpochSecond(),
                                row.patterns().score(),
                                row.patterns().decision()));
                    });
            long replayed = System.nanoTime();
            ModelTrainer.Trained trained = new ModelTrainer(settings.threads())
                    .train(
                            run.featureNames(),
                            rows,
                            run.holdoutFrom().getEpochSecond(),
                            run.trees(),
                            scoring.reviewThreshold(),
                            scoring.declineThreshold(),
                            models.liveModel(),
                            s -> proceed(
                                    run.trainingId(), cancel, REPLAY_SHARE + s * (1 - REPLAY_SHARE), share, lastBeat));
            runs.completed(run.trainingId(), trained.metrics(), trained.importance(), trained.json());
            log.info(
                    "Training {} over {} to {}: {} rows, replay {} ms, {} trees {} ms; AP model {} vs patterns {}",
                    run.trainingId(),
                    run.from(),
                    run.to(),
                    rows.size(),
                    (replayed - started) / 1_000_000,
                    run.trees(),
                    (System.nanoTime() - replayed) / 1_000_000,
                    trained.metrics().model().averagePrecision(),
                    trained.metrics().patterns().averagePrecision());
        } catch (CancellationException e) {
            if (stopping) {
                runs.ended(run.trainingId(), ModelTrainingStatus.FAILED, share[0], "stopped: Vigil shut down");
            } else {
                runs.ended(run.trainingId(), ModelTrainingStatus.CANCELLED, share[0], null);
                log.info("Training {} cancelled", run.trainingId());
            }
        } catch (RuntimeException e) {
            log.error("Training {} failed", run.trainingId(), e);
            runs.ended(run.trainingId(), ModelTrainingStatus.FAILED, share[0], e.getMessage());
        }
    }

    private boolean proceed(String id, AtomicBoolean cancel, double progress, double[] share, long[] lastBeat) {
        share[0] = progress;
        if (cancel != null && cancel.get()) {
            return false;
        }
        if (System.nanoTime() - lastBeat[0] < HEARTBEAT.toNanos()) {
            return true;
        }
        lastBeat[0] = System.nanoTime();
        return !runs.heartbeat(id, progress);
    }
}
