package io.vigil.scoring.features;

import io.vigil.ingest.api.TransactionRecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the in-memory feature store from the event store when Vigil starts: every transaction recorded in the
 * last 25 hours (the longest window plus an hour of margin) is counted once. It runs before the web server opens,
 * so no decision is made on empty features and no live transaction is counted twice.
 */
@Component
class FeatureStoreRebuild implements SmartLifecycle {

    /** Before the web server, which Spring Boot starts at {@code Integer.MAX_VALUE - 2048}. */
    static final int PHASE = Integer.MAX_VALUE - 4096;

    private static final Duration HORIZON = Duration.ofHours(25);
    private static final Logger log = LoggerFactory.getLogger(FeatureStoreRebuild.class);

    private final EventStorageEngine storage;
    private final FeatureStore features;
    private volatile boolean running;

    FeatureStoreRebuild(EventStorageEngine storage, FeatureStore features) {
        this.storage = storage;
        this.features = features;
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        long counted = 0;
        // read from the storage engine itself: no event processor or stream producer has to run yet
        TrackingToken from = storage.createTokenAt(Instant.now().minus(HORIZON));
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false)) {
            for (var it = events.iterator(); it.hasNext(); ) {
                if (it.next().getPayload() instanceof TransactionRecordedEvent recorded) {
                    features.record(recorded.transaction());
                    counted++;
                }
            }
        }
        log.info(
                "Feature store rebuilt from {} transactions of the last {} in {} ms ({} entities)",
                counted,
                HORIZON,
                (System.nanoTime() - started) / 1_000_000,
                features.entities());
        running = true;
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
