package io.vigil.scoring.features;

/**
 * One entity's state for one analyst-defined feature: bucketed counts (and amount sums, in double precision so that they are exact to the cent, for {@code sum} and
 * {@code avg}) over the feature's window, or for {@code distinct} a capped set of the values seen with the minute each
 * was last seen. A window of {@code n} buckets covers the bucket of the reference minute and the {@code n-1} before
 * it, as the built-in windows do. Thread-safe: every access holds the instance's lock.
 */
final class CustomFeatureState {

    static final int DISTINCT_CAPACITY = 64;

    private final int[] counts;
    private final double[] sums;
    private final RecentSet distinct;
    private int head = Integer.MIN_VALUE;
    private int lastSeenMinute = Integer.MIN_VALUE;

    CustomFeatureState(int buckets, boolean withSums, boolean distinct) {
        this.counts = distinct ? null : new int[buckets];
        this.sums = withSums && !distinct ? new double[buckets] : null;
        this.distinct = distinct ? new RecentSet(DISTINCT_CAPACITY) : null;
    }

    /** Counts one transaction in the bucket {@code period}; {@code valueHash} is the field's value for distinct. */
    synchronized void add(int minute, int period, double amount, int valueHash) {
        lastSeenMinute = Math.max(lastSeenMinute, minute);
        if (distinct != null) {
            distinct.add(valueHash, minute);
            return;
        }
        int size = counts.length;
        if (head == Integer.MIN_VALUE || period - head >= size) {
            java.util.Arrays.fill(counts, 0);
            if (sums != null) {
                java.util.Arrays.fill(sums, 0);
            }
            head = period;
        } else if (period > head) {
            for (int p = head + 1; p <= period; p++) {
                counts[Math.floorMod(p, size)] = 0;
                if (sums != null) {
                    sums[Math.floorMod(p, size)] = 0;
                }
            }
            head = period;
        } else if (period <= head - size) {
            return; // older than the window keeps
        }
        int slot = Math.floorMod(period, size);
        counts[slot]++;
        if (sums != null) {
            sums[slot] += amount;
        }
    }

    /** Transactions in the window of {@code buckets} periods ending at {@code period}. */
    synchronized long count(int period) {
        return (long) total(period, counts, null);
    }

    /** Their amount sum. */
    synchronized double sum(int period) {
        return total(period, null, sums);
    }

    /** Distinct values seen in the {@code windowMinutes} minutes ending at {@code minute}. */
    synchronized int distinct(int windowMinutes, int minute) {
        return distinct.distinct(windowMinutes, minute);
    }

    synchronized int lastSeenMinute() {
        return lastSeenMinute;
    }

    private double total(int period, int[] ints, double[] doubles) {
        if (head == Integer.MIN_VALUE) {
            return 0;
        }
        int size = counts.length;
        int newest = Math.min(head, period);
        int oldest = Math.max(head - size + 1, period - size + 1);
        double total = 0;
        for (int p = oldest; p <= newest; p++) {
            int slot = Math.floorMod(p, size);
            total += ints != null ? ints[slot] : doubles[slot];
        }
        return total;
    }

    /**
     * Bytes one entity's state takes for a feature of this shape, with a compressed-pointer 64-bit JVM's layout: the
     * object, its arrays or set, the map node, the key string (of {@code keyLength} Latin-1 characters) and its share
     * of the map's table.
     */
    static long bytesPerEntity(int buckets, boolean withSums, boolean distinct, int keyLength) {
        long state = 32;
        long arrays = distinct
                ? 16 + align(16 + 8L * DISTINCT_CAPACITY)
                : align(16 + 4L * buckets) + (withSums ? align(16 + 8L * buckets) : 0);
        long node = 32;
        long key = 24 + align(16 + keyLength);
        long table = 8;
        return state + arrays + node + key + table;
    }

    private static long align(long bytes) {
        return (bytes + 7) / 8 * 8;
    }
}
