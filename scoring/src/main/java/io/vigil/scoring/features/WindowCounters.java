package io.vigil.scoring.features;

/**
 * Transaction counts and amount sums of one entity in bucketed sliding windows over event time: 15 one-minute
 * buckets (for the 1, 5 and 15 minute windows), 4 quarter-hour buckets (1 hour) and 24 hour buckets (24 hours).
 * A window of N units covers the bucket of the reference time and the N-1 before it, so it reaches up to one unit
 * further back than N exactly. Events arriving out of order land in their own bucket while it is still kept.
 *
 * <p>Layout: one {@code int[43]} of counts and one {@code float[43]} of sums (376 bytes with array headers). Not
 * thread-safe: {@link EntityState} guards it.
 */
final class WindowCounters {

    static final int MINUTES = 15;
    static final int QUARTERS = 4;
    static final int HOURS = 24;
    private static final int QUARTER_OFFSET = MINUTES;
    private static final int HOUR_OFFSET = MINUTES + QUARTERS;
    private static final int SLOTS = MINUTES + QUARTERS + HOURS;

    private final int[] counts = new int[SLOTS];
    private final float[] sums = new float[SLOTS];
    private int minuteHead = Integer.MIN_VALUE;
    private int quarterHead = Integer.MIN_VALUE;
    private int hourHead = Integer.MIN_VALUE;

    /** Counts one transaction at the given epoch minute. */
    void add(int epochMinute, double amount) {
        minuteHead = add(0, MINUTES, minuteHead, epochMinute, amount);
        quarterHead = add(QUARTER_OFFSET, QUARTERS, quarterHead, Math.floorDiv(epochMinute, 15), amount);
        hourHead = add(HOUR_OFFSET, HOURS, hourHead, Math.floorDiv(epochMinute, 60), amount);
    }

    /** Count in the window of the given length (1, 5, 15, 60 or 1440 minutes) ending at the given minute. */
    int count(int windowMinutes, int atMinute) {
        return (int) total(windowMinutes, atMinute, true);
    }

    /** Amount sum in the window of the given length ending at the given minute. */
    double sum(int windowMinutes, int atMinute) {
        return total(windowMinutes, atMinute, false);
    }

    private double total(int windowMinutes, int atMinute, boolean count) {
        return switch (windowMinutes) {
            case 1, 5, 15 -> total(0, MINUTES, minuteHead, atMinute, windowMinutes, count);
            case 60 -> total(QUARTER_OFFSET, QUARTERS, quarterHead, Math.floorDiv(atMinute, 15), 4, count);
            case 1440 -> total(HOUR_OFFSET, HOURS, hourHead, Math.floorDiv(atMinute, 60), 24, count);
            default -> throw new IllegalArgumentException("no window of " + windowMinutes + " minutes");
        };
    }

    private int add(int offset, int size, int head, int period, double amount) {
        if (head == Integer.MIN_VALUE || period - head >= size) {
            clear(offset, size);
            head = period;
        } else if (period > head) {
            for (int p = head + 1; p <= period; p++) {
                int slot = offset + Math.floorMod(p, size);
                counts[slot] = 0;
                sums[slot] = 0;
            }
            head = period;
        } else if (period <= head - size) {
            return head; // older than this ring keeps
        }
        int slot = offset + Math.floorMod(period, size);
        counts[slot]++;
        sums[slot] += (float) amount;
        return head;
    }

    private double total(int offset, int size, int head, int atPeriod, int periods, boolean count) {
        if (head == Integer.MIN_VALUE) {
            return 0;
        }
        int newest = Math.min(head, atPeriod);
        int oldest = Math.max(head - size + 1, atPeriod - periods + 1);
        double total = 0;
        for (int p = oldest; p <= newest; p++) {
            int slot = offset + Math.floorMod(p, size);
            total += count ? counts[slot] : sums[slot];
        }
        return total;
    }

    private void clear(int offset, int size) {
        for (int i = offset; i < offset + size; i++) {
            counts[i] = 0;
            sums[i] = 0;
        }
    }
}
