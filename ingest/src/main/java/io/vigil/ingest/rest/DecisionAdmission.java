package io.vigil.ingest.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.ingest.config.IngestSettings;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The overload guard: a bounded number of decisions run at once, a request waits briefly for a slot and is
 * otherwise shed at once with 503, before anything is stored, so that latency stays low for the requests taken.
 */
@Component
class DecisionAdmission {

    private final Semaphore slots;
    private final long waitNanos;
    private final Counter shed;

    DecisionAdmission(IngestSettings settings, MeterRegistry meters) {
        this.slots = new Semaphore(settings.maxConcurrentDecisions());
        this.waitNanos = settings.admissionWait().toNanos();
        this.shed = Counter.builder("vigil.requests.shed")
                .description("Requests answered 503 because too many decisions were in progress")
                .register(meters);
    }

    <T> T admit(Supplier<T> decision) {
        boolean admitted;
        try {
            admitted = slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            shed.increment();
            throw new OverloadedException();
        }
        try {
            return decision.get();
        } finally {
            slots.release();
        }
    }
}
