package io.vigil.tools.bench;

import java.util.Arrays;

/** Latencies of one benchmark phase, in microseconds; thread-safe, sized for the phase up front. */
final class LatencyRecorder {

    private final long[] micros;
    private final long[] worstMicrosBySecond;
    private int size;
    private long errors;

    /**
     * @param capacity the requests of the phase
     * @param seconds the phase's length, for the slowest answer of each second
     */
    LatencyRecorder(int capacity, int seconds) {
        micros = new long[capacity];
        worstMicrosBySecond = new long[Math.max(1, seconds)];
    }

    /** A {@code 200}, with the second of the phase in which it was due. */
    synchronized void ok(long latencyNanos, int second) {
        long latency = latencyNanos / 1_000;
        if (size < micros.length) {
            micros[size++] = latency;
        }
        int s = Math.max(0, Math.min(worstMicrosBySecond.length - 1, second));
        worstMicrosBySecond[s] = Math.max(worstMicrosBySecond[s], latency);
    }

    /** The slowest answer to a request due in each second of the phase, in whole milliseconds. */
    synchronized java.util.List<Long> worstMillisBySecond() {
        return Arrays.stream(worstMicrosBySecond).map(m -> m / 1_000).boxed().toList();
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
