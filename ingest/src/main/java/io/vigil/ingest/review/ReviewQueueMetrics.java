package io.vigil.ingest.review;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The pending review queue as two gauges, {@code vigil_review_queue_size} and
 * {@code vigil_review_queue_oldest_seconds} (the age of the oldest pending decision). Both are read with one query,
 * at most once a second however often they are scraped; every node reports the same shared queue.
 */
@Component
class ReviewQueueMetrics {

    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private final ReviewQueueTable table;
    private final AtomicReference<Reading> last = new AtomicReference<>(new Reading(new double[] {0, 0}, 0));

    ReviewQueueMetrics(ReviewQueueTable table, MeterRegistry meters) {
        this.table = table;
        Gauge.builder("vigil.review.queue.size", this, m -> m.read()[0])
                .description("Transactions decided review and not reviewed yet")
                .register(meters);
        Gauge.builder("vigil.review.queue.oldest", this, m -> m.read()[1])
                .description("Age of the oldest transaction waiting for review, from its decision")
                .baseUnit("seconds")
                .register(meters);
    }

    private double[] read() {
        Reading reading = last.get();
        long now = System.nanoTime();
        if (reading.at() == 0 || now - reading.at() > MAX_AGE_NANOS) {
            reading = new Reading(table.pendingSizeAndOldestAge(), now);
            last.set(reading);
        }
        return reading.values();
    }

    private record Reading(double[] values, long at) {}
}
