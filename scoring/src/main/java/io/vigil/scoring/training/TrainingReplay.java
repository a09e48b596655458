package io.vigil.scoring.training;

import io.vigil.ingest.api.ApiRules;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.patterns.api.PatternSet;
import io.vigil.scoring.api.LabelTime;
import io.vigil.scoring.decision.CompiledPatternSet;
import io.vigil.scoring.decision.PatternCompiler;
import io.vigil.scoring.decision.RiskEngine;
import io.vigil.scoring.features.FeatureSnapshot;
import io.vigil.scoring.features.FeatureStore;
import io.vigil.scoring.features.InMemoryFeatureStore;
import io.vigil.scoring.model.EntityHistory;
import io.vigil.scoring.model.FeatureVectors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * A training replay of the event store: every transaction of {@code [from, to)} as a row of model features, computed
 * by the same code as online ({@link InMemoryFeatureStore}, {@link EntityHistory}, {@link FeatureVectors}), read
 * before the transaction is counted, as online scoring reads them. Two passes from one position, as a pattern
 * backtest:
 *
 * <ol>
 *   <li>the outcomes: each report with the moment it counts as known ({@link LabelTime}); a row's label is the latest
 *       report known before {@code to};
 *   <li>the transactions from {@link #WARM_UP} before {@code from} (the long windows and label risk need a month) to
 *       {@code to}, put back in time order through a buffer of {@link #REORDER_BUFFER} as the backtest does, with each
 *       report applied to the label risk when it became known, so no row sees a label reported after it.
 * </ol>
 *
 * Each row also carries the live pattern set's decision and score on the same features, for the comparison.
 */
final class TrainingReplay {

    /** The 30-day window, and a day. */
    static final Duration WARM_UP = Duration.ofDays(31);

    static final int REORDER_BUFFER = 100_000;
    static final int PROGRESS_EVERY = 2_000;

    /**
     * What is replayed.
     *
     * @param maturity transactions dated after {@code to} minus this are replayed but give no row
     */
    record Spec(Instant from, Instant to, Duration maturity, LabelTime labelTime, List<String> featureNames) {}

    /** One transaction's row. */
    record Row(TransactionDetails tx, float[] values, boolean fraud, RiskDecision patterns) {}

    /** Told how far the replay is (0..1); answers false to stop it. */
    @FunctionalInterface
    interface Progress {
        boolean proceed(double share);
    }

    private final EventStorageEngine storage;
    private final RiskEngine engine;
    private final Clock clock;
    private final long maxEntities;

    TrainingReplay(EventStorageEngine storage, RiskEngine engine, Clock clock, long maxEntities) {
        this.storage = storage;
        this.engine = engine;
        this.clock = clock;
        this.maxEntities = maxEntities;
    }

    /**
     * Replays the range, handing each row to {@code rows} in time order; returns how many rows there were.
     *
     * @throws CancellationException when {@code progress} asked to stop
     */
    long run(Spec spec, PatternSet live, Progress progress, Consumer<Row> rows) {
        Instant warmFrom = spec.from().minus(WARM_UP);
        TrackingToken start = storage.createTokenAt(warmFrom.minus(ApiRules.MAX_AHEAD));
        long head = position(storage.createHeadToken());
        long first = position(start);

        List<Report> reports = new ArrayList<>();
        scan(start, 0, first, head, progress, event -> {
            if (event.getPayload() instanceof TransactionOutcomeReportedEvent outcome) {
                Instant known = spec.labelTime() == LabelTime.STATED
                                && outcome.timestamp() != null
                                && outcome.timestamp().isBefore(event.getTimestamp())
                        ? outcome.timestamp()
                        : event.getTimestamp();
                reports.add(new Report(outcome.transactionId(), outcome.outcome(), known, reports.size()));
            }
        });
        reports.sort(Comparator.comparing(Report::known).thenComparingLong(Report::order));
        Map<String, TransactionOutcome> labels = new HashMap<>();
        Set<String> labelled = new HashSet<>();
        for (Report r : reports) {
            labelled.add(r.transactionId());
            if (r.known().isBefore(spec.to())) {
                labels.put(r.transactionId(), r.outcome());
            }
        }

        PatternCompiler compiler = new PatternCompiler(live.features());
        CompiledPatternSet patterns = compiler.compile(live);
        FeatureStore features = new InMemoryFeatureStore(clock, maxEntities);
        features.custom().defineReplayed(live.features(), compiler::compileFilter);
        Replayed replayed = new Replayed(spec, patterns, features, labels, labelled, reports, rows);
        PriorityQueue<Pending> buffer = new PriorityQueue<>(
                Comparator.comparing((Pending p) -> p.tx().timestamp()).thenComparingLong(Pending::arrival));
        long[] arrival = {0};
        scan(start, 1, first, head, progress, event -> {
            if (!(event.getPayload() instanceof TransactionRecordedEvent recorded)) {
                return;
            }
            TransactionDetails tx = recorded.transaction();
            if (tx.timestamp().isBefore(warmFrom) || !tx.timestamp().isBefore(spec.to())) {
                return;
            }
            buffer.add(new Pending(tx, arrival[0]++));
            if (buffer.size() > REORDER_BUFFER) {
                replayed.accept(buffer.poll().tx());
            }
        });
        while (!buffer.isEmpty()) {
            replayed.accept(buffer.poll().tx());
        }
        return replayed.rows;
    }

    private void scan(
            TrackingToken start,
            int pass,
            long first,
            long head,
            Progress progress,
            Consumer<TrackedEventMessage<?>> handler) {
        long read = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(start, false)) {
            for (var it = events.iterator(); it.hasNext(); ) {
                TrackedEventMessage<?> event = it.next();
                if (++read % PROGRESS_EVERY == 0) {
                    long at = position(event.trackingToken());
                    double within =
                            head <= first ? 1 : Math.max(0, Math.min(1, (double) (at - first) / (head - first)));
                    if (!progress.proceed((pass + within) / 2)) {
                        throw new CancellationException("cancelled");
                    }
                }
                handler.accept(event);
            }
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private record Pending(TransactionDetails tx, long arrival) {}

    /** An outcome report and when it counts as known. */
    private record Report(String transactionId, TransactionOutcome outcome, Instant known, long order) {}

    /** Replays transactions in time order: reports known by then applied, features read, row given, then counted. */
    private final class Replayed {

        private static final long HOUR = 3_600;

        private final Spec spec;
        private final CompiledPatternSet patterns;
        private final FeatureStore features;
        private final EntityHistory history;
        private final FeatureVectors vectors;
        private final Map<String, TransactionOutcome> labels;
        private final Set<String> labelled;
        private final List<Report> reports;
        private final Consumer<Row> out;
        private final Instant rowsUntil;
        /** The labelled transactions replayed so far (their entities), for the reports that come after them. */
        private final Map<String, TransactionDetails> seen = new HashMap<>();
        /** Reports that became known before their transaction was replayed, applied when it is. */
        private final Map<String, List<Report>> early = new HashMap<>();

        private int next;
        private long rows;
        private long expiredHour = Long.MIN_VALUE;

        Replayed(
                Spec spec,
                CompiledPatternSet patterns,
                FeatureStore features,
                Map<String, TransactionOutcome> labels,
                Set<String> labelled,
                List<Report> reports,
                Consumer<Row> out) {
            this.spec = spec;
            this.patterns = patterns;
            this.features = features;
            this.history = new EntityHistory(clock);
            this.vectors = new FeatureVectors(history);
            this.labels = labels;
            this.labelled = labelled;
            this.reports = reports;
            this.out = out;
            Duration maturity = spec.maturity() == null ? Duration.ZERO : spec.maturity();
            this.rowsUntil = spec.to().minus(maturity);
        }

        void accept(TransactionDetails tx) {
            while (next < reports.size() && !reports.get(next).known().isAfter(tx.timestamp())) {
                apply(reports.get(next++));
            }
            long hour = Math.floorDiv(tx.timestamp().getEpochSecond(), HOUR);
            if (hour > expiredHour) {
                features.expireIdle();
                if (hour / 24 > expiredHour / 24) {
                    history.expireIdle();
                }
                expiredHour = hour;
            }
            if (!tx.timestamp().isBefore(spec.from()) && tx.timestamp().isBefore(rowsUntil)) {
                FeatureSnapshot snapshot = features.read(tx);
                float[] values = vectors.vector(spec.featureNames(), tx, snapshot);
                TransactionOutcome label = labels.get(tx.transactionId());
                boolean fraud = label == TransactionOutcome.CHARGEBACK || label == TransactionOutcome.CONFIRMED_FRAUD;
                out.accept(new Row(tx, values, fraud, engine.decide(patterns, tx, snapshot)));
                rows++;
            }
            features.record(tx);
            history.record(tx);
            if (labelled.contains(tx.transactionId())) {
                seen.put(tx.transactionId(), tx);
                List<Report> waiting = early.remove(tx.transactionId());
                if (waiting != null) {
                    waiting.forEach(r -> history.label(r.transactionId(), r.outcome(), tx.timestamp(), () -> tx));
                }
            }
        }

        private void apply(Report r) {
            TransactionDetails tx = seen.get(r.transactionId());
            if (tx == null) {
                early.computeIfAbsent(r.transactionId(), id -> new ArrayList<>())
                        .add(r);
            } else {
                history.label(r.transactionId(), r.outcome(), r.known(), () -> tx);
            }
        }
    }
}
