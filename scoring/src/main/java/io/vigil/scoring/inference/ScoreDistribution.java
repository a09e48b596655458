package io.vigil.scoring.inference;

import io.vigil.scoring.api.TrainingMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * The live model's scores over the last 24 hours on this node, in hourly slots of ten bins (the tenths of 0..100):
 * what the model page compares with the training's evaluation slice (the stability index). A new live version starts
 * it again. About 2 KB; recording is two array reads and one atomic increment.
 */
final class ScoreDistribution {

    static final int HOURS = 24;
    private static final long HOUR_MS = 3_600_000L;
    private static final int BINS = TrainingMetrics.SCORE_BINS;

    private final LongSupplier millis;
    private final AtomicLongArray hourOfSlot = new AtomicLongArray(HOURS);
    private final AtomicLongArray counts = new AtomicLongArray(HOURS * BINS);
    private volatile int version = -1;

    /** @param millis the time now, in milliseconds since the epoch */
    ScoreDistribution(LongSupplier millis) {
        this.millis = millis;
    }

    void record(int liveVersion, double score) {
        if (liveVersion != version) {
            restart(liveVersion);
        }
        long hour = millis.getAsLong() / HOUR_MS;
        int slot = (int) (hour % HOURS);
        if (hourOfSlot.get(slot) != hour) {
            startSlot(slot, hour);
        }
        int bin = (int) Math.floor(score / (100.0 / BINS));
        counts.incrementAndGet(slot * BINS + Math.max(0, Math.min(BINS - 1, bin)));
    }

    /** The live version counted (-1 for none yet) and its counts per bin over the last 24 hours. */
    synchronized Snapshot lastDay() {
        long hour = millis.getAsLong() / HOUR_MS;
        long[] bins = new long[BINS];
        for (int slot = 0; slot < HOURS; slot++) {
            long at = hourOfSlot.get(slot);
            if (at > hour - HOURS && at <= hour) {
                for (int b = 0; b < BINS; b++) {
                    bins[b] += counts.get(slot * BINS + b);
                }
            }
        }
        List<Long> list = new ArrayList<>();
        for (long count : bins) {
            list.add(count);
        }
        return new Snapshot(version, list);
    }

    record Snapshot(int version, List<Long> bins) {}

    private synchronized void restart(int liveVersion) {
        if (liveVersion == version) {
            return;
        }
        for (int i = 0; i < HOURS * BINS; i++) {
            counts.set(i, 0);
        }
        for (int slot = 0; slot < HOURS; slot++) {
            hourOfSlot.set(slot, 0);
        }
        version = liveVersion;
    }

    private synchronized void startSlot(int slot, long hour) {
        if (hourOfSlot.get(slot) == hour) {
            return;
        }
        for (int b = 0; b < BINS; b++) {
            counts.set(slot * BINS + b, 0);
        }
        hourOfSlot.set(slot, hour);
    }
}
