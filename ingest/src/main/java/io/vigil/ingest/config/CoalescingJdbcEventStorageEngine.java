package io.vigil.ingest.config;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, with reads of the event stream at its head coalesced. Axon's event store wakes its
 * reader on every commit, so at a thousand decisions a second it read the stream a thousand times a second, a few
 * events each, in a database transaction of two queries each time: about three PostgreSQL commits for every
 * decision, more than the decisions' own. Here a thread that read less than a full batch (it is at the head) waits
 * until {@code interval} has passed since that read before it reads again, so at the head the stream is read at most
 * every {@code interval}, each read bringing all the events since; a thread catching up (full batches) reads on at
 * once. The events reach the tracking processors up to {@code interval} later; aggregates, read by id, are not
 * affected.
 */
final class CoalescingJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private final long intervalNanos;
    /** Per reading thread: when it last read less than a full batch, or 0. */
    private final ThreadLocal<long[]> lastShortRead = ThreadLocal.withInitial(() -> new long[1]);

    CoalescingJdbcEventStorageEngine(Builder builder, Duration interval) {
        super(builder);
        this.intervalNanos = interval.toNanos();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long[] last = lastShortRead.get();
        if (last[0] != 0) {
            long wait = last[0] + intervalNanos - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        List<? extends TrackedEventData<?>> events = super.fetchTrackedEvents(lastToken, batchSize);
        last[0] = events.size() < batchSize ? System.nanoTime() : 0;
        return events;
    }
}
