package io.vigil.scoring.model;

import io.vigil.ingest.api.TransactionOutcomeReportedEvent;
import io.vigil.ingest.api.TransactionRecordedEvent;
import io.vigil.scoring.features.EntityLinks;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the node's {@link EntityHistory} and {@link EntityLinks} from the event store after a start, in the background: the transactions
 * and outcomes stored in the last {@link #HORIZON} (the 30-day window and a day), up to the head of the event store
 * as it was before the web server opened. Reading 31 days can take minutes on a busy store, and the short windows
 * that decisions need are rebuilt before the server opens by the feature store's own rebuild, so this one does not
 * hold the start: until it ends, the long windows and label risk of a node that just started read low. Live
 * transactions and outcomes meanwhile go to the same history through {@link HistoryRecorder}; the buckets are sums,
 * so the order does not matter, except that a {@code CONFIRMED_LEGITIMATE} reported live for a fraud label the
 * rebuild has not reached yet undoes nothing.
 */
@Component
class HistoryRebuild implements SmartLifecycle {

    static final Duration HORIZON = Duration.ofDays(31);

    /** Before the web server, which Spring Boot starts at {@code Integer.MAX_VALUE - 2048}. */
    static final int PHASE = Integer.MAX_VALUE - 4096;

    private static final Logger log = LoggerFactory.getLogger(HistoryRebuild.class);

    private final EventStorageEngine storage;
    private final EventStore events;
    private final EntityHistory history;
    private final EntityLinks links;
    private volatile boolean running;
    private volatile boolean done;
    private Thread worker;

    HistoryRebuild(EventStorageEngine storage, EventStore events, EntityHistory history, EntityLinks links) {
        this.storage = storage;
        this.events = events;
        this.history = history;
        this.links = links;
    }

    @Override
    public void start() {
        TrackingToken from = storage.createTokenAt(Instant.now().minus(HORIZON));
        TrackingToken head = storage.createHeadToken();
        long end = head == null ? -1 : head.position().orElse(-1);
        running = true; // before the worker reads it
        worker = new Thread(() -> rebuild(from, end), "vigil-history-rebuild");
        worker.setDaemon(true);
        worker.start();
    }

    /** Whether the rebuild has finished. */
    boolean done() {
        return done;
    }

    private void rebuild(TrackingToken from, long end) {
        long started = System.nanoTime();
        long transactions = 0;
        long outcomes = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(from, false)) {
            for (var it = stream.iterator(); it.hasNext() && running; ) {
                TrackedEventMessage<?> event = it.next();
                if (event.trackingToken() instanceof GlobalSequenceTrackingToken t && t.getGlobalIndex() > end) {
                    break;
                }
                Object payload = event.getPayload();
                if (payload instanceof TransactionRecordedEvent recorded) {
                    history.record(recorded.transaction());
                    links.record(recorded.transaction());
                    transactions++;
                } else if (payload instanceof TransactionOutcomeReportedEvent outcome) {
                    HistoryRecorder.label(history, links, outcome, event.getTimestamp(), events);
                    outcomes++;
                }
            }
            log.info(
                    "Entity history rebuilt from {} transactions and {} outcomes of the last {} in {} ms ({} entities)",
                    transactions,
                    outcomes,
                    HORIZON,
                    (System.nanoTime() - started) / 1_000_000,
                    history.entities());
        } catch (RuntimeException e) {
            log.warn("Entity history rebuild stopped after {} transactions: {}", transactions, e.toString());
        } finally {
            done = true;
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
