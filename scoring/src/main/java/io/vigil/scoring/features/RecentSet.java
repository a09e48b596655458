package io.vigil.scoring.features;

/**
 * A small, capped set of hashed values with the minute each was last seen, for distinct counts over a window
 * ("cards per device in 24 h"). When full, the value seen longest ago makes room, so a distinct count saturates at
 * the capacity: enough to tell a device farm from a family. Not thread-safe: {@link EntityState} guards it.
 */
final class RecentSet {

    private final int[] entries; // pairs of (hash, minute)
    private int size;

    RecentSet(int capacity) {
        entries = new int[capacity * 2];
    }

    /** Records the value at the minute; returns true if it was not in the set before. */
    boolean add(int hash, int minute) {
        int oldest = -1;
        for (int i = 0; i < size; i++) {
            if (entries[2 * i] == hash) {
                entries[2 * i + 1] = Math.max(entries[2 * i + 1], minute);
                return false;
            }
            if (oldest < 0 || entries[2 * i + 1] < entries[2 * oldest + 1]) {
                oldest = i;
            }
        }
        int slot = size < entries.length / 2 ? size++ : oldest;
        entries[2 * slot] = hash;
        entries[2 * slot + 1] = minute;
        return true;
    }

    boolean contains(int hash) {
        for (int i = 0; i < size; i++) {
            if (entries[2 * i] == hash) {
                return true;
            }
        }
        return false;
    }

    /** Distinct values seen in the window of the given minutes ending at the given minute. */
    int distinct(int windowMinutes, int atMinute) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            int seen = entries[2 * i + 1];
            if (seen > atMinute - windowMinutes && seen <= atMinute) {
                n++;
            }
        }
        return n;
    }

    int capacity() {
        return entries.length / 2;
    }
}
