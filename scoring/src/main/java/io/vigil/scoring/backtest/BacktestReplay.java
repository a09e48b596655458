package io.vigil.scoring.backtest;

import io.vigil.ingest.api.ApiRules;
import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionOutcome;
import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.scoring.decision.CompiledPatternSet;
import io.vigil.scoring.decision.PatternCompiler;
import io.vigil.scoring.decision.RiskEngine;
import io.vigil.scoring.features.FeatureSnapshot;
import io.vigil.scoring.features.FeatureStore;
import io.vigil.scoring.features.InMemoryFeatureStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * One backtest's replay over the event store, in two passes from the same position:
 *
 * <ol>
 *   <li>the labels: the latest outcome reported for each transaction, as known now;
 *   <li>the transactions: every transaction dated from 25 hours before the range to its end, in time order, into a
 *       fresh {@link InMemoryFeatureStore} exactly as online scoring counts them (read before, recorded after); those
 *       of the range are evaluated with the live set, the tested pattern alone and the live set with the pattern.
 * </ol>
 *
 * <p><b>Where it reads from.</b> A transaction may be dated up to {@link ApiRules#MAX_AHEAD} after it was stored, so
 * every transaction dated at or after the warm-up's start was stored at or after the warm-up's start less that: both
 * passes read the event store from there to its head. Transactions sent late with old timestamps (a back-filled
 * history) are therefore found too, at the price of reading everything stored since.
 *
 * <p><b>Time order.</b> The event store is in the order transactions arrived. They are put back in time order through
 * a buffer of {@link #REORDER_BUFFER} transactions, the earliest dated replayed whenever it is full: a range with no
 * more transactions than that (warm-up included) is replayed exactly in time order, and a longer one is, except for a
 * transaction that arrived after more than that many later-dated ones. Such a transaction is replayed where the buffer
 * lets it, and the feature store counts it in its own time bucket as online scoring does with a late arrival.
 */
final class BacktestReplay {

    /** The longest feature window and an hour of margin, as the feature store's rebuild at start-up. */
    static final Duration WARM_UP = Duration.ofHours(25);

    /** About 60 MB of transactions held at most, per backtest. */
    static final int REORDER_BUFFER = 100_000;

    /** How many events are read between two calls to the progress listener. */
    static final int PROGRESS_EVERY = 2_000;

    /**
     * What a backtest evaluates.
     *
     * @param live the live published set, with its lists
     * @param alone the tested pattern alone, active
     * @param withPattern the live set with the tested pattern active in it
     * @param replacesLive whether the tested pattern replaces a pattern of the live set (same id)
     */
    record Subject(
            CompiledPatternSet live,
            CompiledPatternSet alone,
            CompiledPatternSet withPattern,
            boolean replacesLive,
            List<FeatureDefinition> features,
            PatternCompiler compiler) {

        /**
         * How far before the range the replay starts counting: the built-in windows' day and an hour, or the longest
         * analyst feature's window and a day, whichever is longer.
         */
        Duration warmUp() {
            int longest = features.stream()
                    .mapToInt(FeatureDefinition::windowMinutes)
                    .max()
                    .orElse(0);
            Duration custom = Duration.ofMinutes(longest).plusDays(1);
            return custom.compareTo(WARM_UP) > 0 ? custom : WARM_UP;
        }
    }

    /** Told how far the replay is; answers false to stop it. */
    @FunctionalInterface
    interface Progress {
        boolean proceed(double share, BacktestTally tally);
    }

    private final EventStorageEngine storage;
    private final RiskEngine engine;
    private final Clock clock;
    private final long maxEntities;

    BacktestReplay(EventStorageEngine storage, RiskEngine engine, Clock clock, long maxEntities) {
        this.storage = storage;
        this.engine = engine;
        this.clock = clock;
        this.maxEntities = maxEntities;
    }

    /**
     * Replays {@code [from, to)} and counts it.
     *
     * @throws CancellationException when {@code progress} asked to stop; the tally so far went to {@code stopped}
     */
    BacktestTally run(Instant from, Instant to, Subject subject, Progress progress, Consumer<BacktestTally> stopped) {
        Instant warmFrom = from.minus(subject.warmUp());
        Scan scan = new Scan(storage.createTokenAt(warmFrom.minus(ApiRules.MAX_AHEAD)), progress, stopped);

        // the latest outcome of every transaction that has one
        Map<String, TransactionOutcome> labels = new HashMap<>();
        scan.pass(0, event -> {
            if (TransactionOutcomeReportedEvent.class.equals(event.getPayloadType())) {
                TransactionOutcomeReportedEvent outcome = (TransactionOutcomeReportedEvent) event.getPayload();
                labels.put(outcome.transactionId(), outcome.outcome());
            }
        });

        FeatureStore features = new InMemoryFeatureStore(clock, maxEntities);
        features.custom().defineReplayed(subject.features(), subject.compiler()::compileFilter);
        PriorityQueue<Pending> buffer = new PriorityQueue<>(
                Comparator.comparing((Pending p) -> p.tx().timestamp()).thenComparingLong(Pending::arrival));
        Replayed replayed = new Replayed(from, subject, labels, features, scan.tally);
        long[] arrival = {0};
        scan.pass(1, event -> {
            if (!TransactionRecordedEvent.class.equals(event.getPayloadType())) {
                return;
            }
            TransactionDetails tx = ((TransactionRecordedEvent) event.getPayload()).transaction();
            if (tx.timestamp().isBefore(warmFrom) || !tx.timestamp().isBefore(to)) {
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
        return scan.tally;
    }

    /** The two passes over the event store from one position to the head, telling {@link Progress} as they go. */
    private final class Scan {

        private final TrackingToken start;
        private final Progress progress;
        private final Consumer<BacktestTally> stopped;
        private final Work work;
        private final BacktestTally tally = new BacktestTally();

        Scan(TrackingToken start, Progress progress, Consumer<BacktestTally> stopped) {
            this.start = start;
            this.progress = progress;
            this.stopped = stopped;
            this.work = new Work(start, storage.createHeadToken());
        }

        void pass(int pass, Consumer<TrackedEventMessage<?>> handler) {
            long read = 0;
            try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(start, false)) {
                for (var it = events.iterator(); it.hasNext(); ) {
                    TrackedEventMessage<?> event = it.next();
                    if (++read % PROGRESS_EVERY == 0 && !progress.proceed(work.share(pass, event), tally)) {
                        stopped.accept(tally);
                        throw new CancellationException("cancelled");
                    }
                    handler.accept(event);
                }
            }
        }
    }

    private record Pending(TransactionDetails tx, long arrival) {}

    /** How much of the two passes is done, by the position in the event store between the start and the head. */
    private record Work(long start, long head) {

        Work(TrackingToken start, TrackingToken head) {
            this(position(start), position(head));
        }

        private static long position(TrackingToken token) {
            return token == null ? -1 : token.position().orElse(-1);
        }

        double share(int pass, TrackedEventMessage<?> event) {
            long at = position(event.trackingToken());
            double within = head <= start ? 1 : Math.max(0, Math.min(1, (double) (at - start) / (head - start)));
            return (pass + within) / 2;
        }
    }

    /** Replays transactions in the order given: features read, evaluated when in the range, then recorded. */
    private final class Replayed {

        private static final long HOUR = 3_600;

        private final Instant from;
        private final Subject subject;
        private final Map<String, TransactionOutcome> labels;
        private final FeatureStore features;
        private final BacktestTally tally;
        private long expiredHour = Long.MIN_VALUE;

        Replayed(
                Instant from,
                Subject subject,
                Map<String, TransactionOutcome> labels,
                FeatureStore features,
                BacktestTally tally) {
            this.from = from;
            this.subject = subject;
            this.labels = labels;
            this.features = features;
            this.tally = tally;
        }

        void accept(TransactionDetails tx) {
            long hour = Math.floorDiv(tx.timestamp().getEpochSecond(), HOUR);
            if (hour > expiredHour) {
                // online scoring forgets idle entities once a minute; an hour of event time is close enough here
                features.expireIdle();
                expiredHour = hour;
            }
            if (!tx.timestamp().isBefore(from)) {
                evaluate(tx);
            }
            features.record(tx);
        }

        private void evaluate(TransactionDetails tx) {
            FeatureSnapshot snapshot = features.read(tx);
            RiskDecision live = engine.decide(subject.live(), tx, snapshot);
            boolean hit =
                    !engine.decide(subject.alone(), tx, snapshot).reasons().isEmpty();
            Decision withPattern = !hit && !subject.replacesLive()
                    ? live.decision()
                    : engine.decide(subject.withPattern(), tx, snapshot).decision();
            tally.add(tx, hit, labels.get(tx.transactionId()), live.decision(), withPattern);
        }
    }
}
