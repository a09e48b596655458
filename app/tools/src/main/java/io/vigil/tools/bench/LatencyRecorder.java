package io.vigil.tools.bench;

import java.util.Arrays;

/** Latencies of one benchmark phase, in microseconds; thread-safe, sized for the phase up front. */
final class LatencyRecorder {

    private final long[] micros;
    private int size;
    private long errors;

    LatencyRecorder(int capacity) {
        micros = new long[capacity];
    }

    synchronized void ok(long latencyNanos) {
        if (size < micros.length) {
            micros[size++] = latencyNanos / 1_000;
        }
    }

    private final java.util.Map<String, Long> errorsByCause = new java.util.TreeMap<>();

    /** A failed request: its HTTP status, or the client-side failure (timeout, connection refused). */
    synchronized void error(String cause) {
        errors++;
        errorsByCause.merge(cause, 1L, Long::sum);
    }

    synchronized java.util.Map<String, Long> errorsByCause() {
        return new java.util.TreeMap<>(errorsByCause);
    }

    private long fallbacks;

    /** A 200 that carried the fallback decision (time budget missed, patterns unreadable). */
    synchronized void fallback() {
        fallbacks++;
    }

    synchronized long fallbacks() {
        return fallbacks;
    }

    synchronized int count() {
        return size;
    }

    synchronized long errors() {
        return errors;
    }

    /** The given percentile (0-100) in milliseconds. */
    synchronized double percentileMillis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1000.0;
    }
}
