package io.vigil.analytics.projection;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Counts the writes into the per-minute rollups of minutes that monitors have already read: rows timed more than
 * {@link #LATE} before they are written (an import of old traffic, a client's back-fill, a projection catching up
 * after a restart). The live evaluator keeps each monitor's minutes between minutes and reads only the newest; when
 * this count moves, it reads everything again, so late traffic reaches the baselines at the next minute.
 */
@Component
public class LateRollups {

    /** Rows older than this when written reach minutes that were read and held already. */
    public static final Duration LATE = Duration.ofMinutes(2);

    private final AtomicLong version = new AtomicLong();
    private final Clock clock;

    public LateRollups() {
        this(Clock.systemUTC());
    }

    LateRollups(Clock clock) {
        this.clock = clock;
    }

    /** Notes rows written into the operations table (and so the rollups). */
    void written(List<ProjectionRow> rows) {
        long late = clock.millis() - LATE.toMillis();
        for (ProjectionRow row : rows) {
            if (row.recordedAt() != null && row.recordedAt().toEpochMilli() < late) {
                version.incrementAndGet();
                return;
            }
        }
    }

    /** Moves whenever a batch with late rows was written. */
    public long version() {
        return version.get();
    }
}
