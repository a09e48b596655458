package io.vigil.scoring.features;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionRecordedEvent;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Backfills newly registered analyst features from the event store, one at a time in a thread of its own: every
 * transaction stored from the start of the feature's window (and one bucket before) up to now is counted once (see
 * {@link AnalystFeature} for how this and live counting never count one twice). Progress is the share of that time
 * range read; a feature archived meanwhile stops its backfill. Every node backfills for itself, at every start too,
 * since features live in memory.
 */
@Component
public class CustomFeatureBackfill {

    private static final Logger log = LoggerFactory.getLogger(CustomFeatureBackfill.class);
    private static final int PROGRESS_EVERY = 1_000;

    private final EventStorageEngine storage;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigil-feature-backfill");
        t.setDaemon(true);
        return t;
    });

    @Autowired
    public CustomFeatureBackfill(EventStorageEngine storage) {
        this(storage, Clock.systemUTC());
    }

    CustomFeatureBackfill(EventStorageEngine storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Queues the backfill of each feature just registered; returns at once. */
    public void backfill(List<CustomFeatures.Registered> registered) {
        for (CustomFeatures.Registered r : registered) {
            worker.execute(() -> run(r.feature));
        }
    }

    /** Backfills one feature in the calling thread. */
    void run(AnalystFeature feature) {
        long started = System.nanoTime();
        Instant from = feature.backfillFrom();
        Instant until = feature.registeredAt();
        double span = Math.max(1, Duration.between(from, until).toMillis());
        long read = 0;
        try {
            TrackingToken token = storage.createTokenAt(from);
            try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(token, false)) {
                for (var it = events.iterator(); it.hasNext() && !feature.removed(); ) {
                    TrackedEventMessage<?> event = it.next();
                    if (event.getPayload() instanceof TransactionRecordedEvent recorded) {
                        TransactionDetails tx = recorded.transaction();
                        feature.recordBackfilled(tx, minuteOf(tx), event.getTimestamp());
                        if (++read % PROGRESS_EVERY == 0) {
                            feature.progress(
                                    Duration.between(from, event.getTimestamp()).toMillis() / span);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            log.error("Backfill of feature {} failed; patterns reading it stay off on this node", feature.name(), e);
            return;
        }
        if (feature.removed()) {
            log.info("Backfill of feature {} stopped: it was archived", feature.name());
            return;
        }
        feature.ready(clock.millis());
        log.info(
                "Feature {} backfilled from {} transactions since {} in {} ms: {} entities, about {} bytes each",
                feature.name(),
                feature.backfilled(),
                from,
                (System.nanoTime() - started) / 1_000_000,
                feature.entities(),
                feature.bytesPerEntity());
    }

    /** The transaction's event minute, but never after the clock's (as the feature store counts it live). */
    private int minuteOf(TransactionDetails tx) {
        return Math.min(FeatureStore.minuteOf(tx), (int) Math.floorDiv(clock.millis(), 60_000L));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
